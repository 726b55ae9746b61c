declare module 'virtual:flowform-definition-validator' {
  interface DefinitionValidator {
    (data: unknown): boolean;
    errors?:
      | { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }[]
      | null;
  }
  const validate: DefinitionValidator;
  export default validate;
}
