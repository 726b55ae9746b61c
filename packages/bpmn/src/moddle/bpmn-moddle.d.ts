/**
 * The slice of bpmn-moddle this package uses. Its own typings cover the metamodel, not the entry's
 * default export, so the entry is declared here: parse XML into elements, create elements, write XML.
 */
declare module 'bpmn-moddle' {
  /** A BPMN element as moddle reads or creates it: `$type` names it, properties are the metamodel's. */
  export interface ModdleElement {
    $type: string;
    $attrs?: Record<string, string>;
    $parent?: ModdleElement;
    $children?: ModdleElement[];
    $body?: string;
    [property: string]: unknown;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: { message: string }[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, properties?: Record<string, unknown>): ModdleElement;
  }
}
