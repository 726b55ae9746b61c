/**
 * Vendor details on BPMN elements: Camunda 7, Flowable and Activiti write attributes
 * (`camunda:assignee`), Camunda 8 (Zeebe) writes extension elements (`zeebe:assignmentDefinition`).
 * They are read by namespace URI, whatever prefix the document binds to it.
 */
import type { ModdleElement } from '../moddle/bpmn-io';
import type { BpmnGraph } from './bpmn-graph';

const ATTRIBUTE_VENDORS = new Set([
  'http://camunda.org/schema/1.0/bpmn',
  'http://activiti.org/bpmn',
  'http://flowable.org/bpmn',
]);
const ZEEBE = 'http://camunda.org/schema/zeebe/1.0';

/** A vendor attribute by local name (`assignee`, `formKey`, `candidateGroups` …), trimmed. */
export function vendorAttribute(graph: BpmnGraph, element: ModdleElement, local: string): string | undefined {
  for (const [name, value] of Object.entries(element.$attrs ?? {})) {
    const [prefix, attr] = name.split(':');
    if (attr === local && ATTRIBUTE_VENDORS.has(graph.namespaces.get(prefix ?? '') ?? '')) {
      const text = String(value).trim();
      return text || undefined;
    }
  }
  return undefined;
}

/** Extension elements of a vendor by local name (`assignmentDefinition`, `formData`, `in` …). */
export function vendorElements(graph: BpmnGraph, element: ModdleElement, local: string): ModdleElement[] {
  const values = ((element.extensionElements as ModdleElement | undefined)?.values ?? []) as ModdleElement[];
  return values.filter((v) => {
    const [prefix, name] = v.$type.split(':');
    const uri = graph.namespaces.get(prefix ?? '') ?? '';
    return name === local && (uri === ZEEBE || ATTRIBUTE_VENDORS.has(uri));
  });
}

/** A Zeebe extension element's attribute (`zeebe:assignmentDefinition` → `assignee`). */
export function zeebeAttribute(
  graph: BpmnGraph,
  element: ModdleElement,
  local: string,
  attr: string,
): string | undefined {
  for (const ext of vendorElements(graph, element, local)) {
    const value = ext[attr];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/** The `flowform:` extension element of a type (`flowform:State` …), if the element carries one. */
export function flowformElement(element: ModdleElement, type: string): ModdleElement | undefined {
  const values = ((element.extensionElements as ModdleElement | undefined)?.values ?? []) as ModdleElement[];
  return values.find((v) => v.$type === type);
}
