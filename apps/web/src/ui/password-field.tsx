import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useIntl } from 'react-intl';

/** Mantine's password input with its show/hide button named in the reader's language. */
export function PasswordField(props: PasswordInputProps) {
  const intl = useIntl();
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.password.show' }) }} />;
}
