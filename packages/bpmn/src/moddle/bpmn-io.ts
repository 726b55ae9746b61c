/**
 * Reading and writing BPMN XML through bpmn-moddle, which knows the `flowform:` extension. Pure:
 * text in, elements out (and back); no `eval` anywhere on the way (bpmn-moddle parses with saxen).
 */
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { FLOWFORM_PACKAGE } from './flowform-extension';

export type { ModdleElement } from 'bpmn-moddle';

/** A moddle that reads and writes BPMN 2.0 with BPMNDI and the `flowform:` extension. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ flowform: FLOWFORM_PACKAGE });
}

/** Parses BPMN XML; answers the `bpmn:Definitions` element and moddle's warnings. */
export async function readBpmn(xml: string): Promise<{ definitions: ModdleElement; warnings: string[] }> {
  const { rootElement, warnings } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, warnings: warnings.map((w) => w.message) };
}

/** Writes a `bpmn:Definitions` element as formatted XML. */
export async function writeBpmn(moddle: BpmnModdle, definitions: ModdleElement): Promise<string> {
  return (await moddle.toXML(definitions, { format: true })).xml;
}
