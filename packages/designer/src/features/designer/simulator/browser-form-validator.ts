/**
 * The engine's `FormValidator` for the simulator: the browser face's, over the interpreting
 * validator (no eval), so a simulated submission is checked exactly as the server checks it.
 */
import { createFormValidator } from '@flowform/engine/browser';

export const browserFormValidator = createFormValidator();
