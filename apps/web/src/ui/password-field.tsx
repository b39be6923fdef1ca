import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useIntl } from 'react-intl';

/**
 * Mantine's password input with its show/hide button named in the reader's language, and marked invalid when it
 * shows an error (Mantine ties the message to it, but leaves out aria-invalid on this one input).
 */
export function PasswordField(props: PasswordInputProps) {
  const intl = useIntl();
  return (
    <PasswordInput
      {...props}
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.password.show' }) }}
    />
  );
}
