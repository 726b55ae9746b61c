// bpmn-moddle ships no types; the peers benchmark only parses one XML document with it.
declare module 'bpmn-moddle' {
  export default class BpmnModdle {
    fromXML(xml: string): Promise<unknown>;
  }
}
