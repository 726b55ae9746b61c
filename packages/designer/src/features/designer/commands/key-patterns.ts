/** The names the definition format allows, checked before a command writes them. */

/** A state key. */
export const STATE_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** A form field or case field name. */
export const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** An event name. */
export const EVENT_NAME = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;
/** A form key (`leave-request.apply`). */
export const FORM_KEY = /^[a-z][a-z0-9-]*(\.[a-z][a-zA-Z0-9-]*)*$/;
/** A process parameter name. */
export const PARAMETER_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
