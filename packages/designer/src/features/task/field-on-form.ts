/** Whether an error's path (`/amountPaid`, `/items/0/name`) names a top-level field of the form. */
export function fieldOnForm(schema: Record<string, unknown> | undefined, path: string): boolean {
  const field = path.replace(/^\//, '').split('/')[0];
  const properties = schema?.properties as Record<string, unknown> | undefined;
  return !!field && !!properties && Object.hasOwn(properties, field);
}
