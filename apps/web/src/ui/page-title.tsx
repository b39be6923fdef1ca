import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';

/**
 * A page's one `h1`, also the document's title. It takes focus after a navigation inside the app (see
 * AppLayout), so a screen reader announces the new page.
 */
export function PageTitle({ children }: { children: string }) {
  const intl = useIntl();
  const product = intl.formatMessage({ id: 'app.name' });
  useEffect(() => {
    document.title = `${children} – ${product}`;
  }, [children, product]);
  return (
    <Title order={1} tabIndex={-1} data-page-title mb="lg">
      {children}
    </Title>
  );
}
