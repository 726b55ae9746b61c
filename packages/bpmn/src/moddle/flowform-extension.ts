/**
 * The `flowform:` BPMN extension: what BPMN cannot say about a Flowform state or transition rides
 * in extension elements, so export → import gives the same machine. Bodies are JSON.
 *
 *   <bpmn:process>        <flowform:definition>{ key, name, caseSchema, starters, machine.delays … }
 *   <bpmn:userTask …>     <flowform:state key="review">{ task: { assignment, outcomes, voting … } }
 *   <bpmn:sequenceFlow>   <flowform:transition trigger="on" event="approve">{ guard, actions }
 *
 * A timer's flow names its delay as the event (`trigger="after" event="P3D"`, or a named delay).
 */

export const FLOWFORM_URI = 'https://flowform.dev/schema/bpmn';

/** The moddle package that declares the three extension elements. */
export const FLOWFORM_PACKAGE = {
  name: 'Flowform',
  prefix: 'flowform',
  uri: FLOWFORM_URI,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    { name: 'Definition', superClass: ['Element'], properties: [body()] },
    {
      name: 'State',
      superClass: ['Element'],
      properties: [attr('key'), attr('type'), body()],
    },
    {
      name: 'Transition',
      superClass: ['Element'],
      properties: [attr('trigger'), attr('event'), body()],
    },
  ],
};

function attr(name: string) {
  return { name, isAttr: true, type: 'String' };
}

function body() {
  return { name: 'body', isBody: true, type: 'String' };
}

/** What starts a transition: an event (`on`), a delay (`after`), nothing (`always`) or the end of a child. */
export type Trigger = 'on' | 'after' | 'always' | 'onDone' | 'invokeDone';

export const TRIGGERS: readonly Trigger[] = ['on', 'after', 'always', 'onDone', 'invokeDone'];
