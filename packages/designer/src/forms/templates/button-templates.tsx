import { type IconButtonProps, type SubmitButtonProps, TranslatableString } from '@rjsf/utils';

function TextButton({ label, icon, ...props }: IconButtonProps & { label: string; icon: string }) {
  const { iconType: _i, uiSchema: _u, registry: _r, className, ...rest } = props;
  return (
    <button
      type="button"
      {...rest}
      className={`btn btn-small ${className ?? ''}`}
      aria-label={rest.title ?? label}
    >
      <span aria-hidden="true">{icon} </span>
      {label}
    </button>
  );
}

const label = (props: IconButtonProps, key: TranslatableString) => props.registry.translateString(key);

function AddButton(props: IconButtonProps) {
  return <TextButton {...props} icon="+" label={label(props, TranslatableString.AddItemButton)} />;
}
function RemoveButton(props: IconButtonProps) {
  return <TextButton {...props} icon="×" label={label(props, TranslatableString.RemoveButton)} />;
}
function MoveUpButton(props: IconButtonProps) {
  return <TextButton {...props} icon="↑" label={label(props, TranslatableString.MoveUpButton)} />;
}
function MoveDownButton(props: IconButtonProps) {
  return <TextButton {...props} icon="↓" label={label(props, TranslatableString.MoveDownButton)} />;
}
function CopyButton(props: IconButtonProps) {
  return <TextButton {...props} icon="⧉" label={label(props, TranslatableString.CopyButton)} />;
}
function ClearButton(props: IconButtonProps) {
  return <TextButton {...props} icon="×" label={label(props, TranslatableString.ClearLabel)} />;
}
function SubmitButton(_: SubmitButtonProps) {
  return null;
}

/** Array buttons with words, not bare icon fonts; the form's own submit button is not rendered. */
export const buttonTemplates = {
  AddButton,
  RemoveButton,
  MoveUpButton,
  MoveDownButton,
  CopyButton,
  ClearButton,
  SubmitButton,
};
