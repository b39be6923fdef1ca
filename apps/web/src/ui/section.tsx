import { Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled part of a page (an `h2` in a bordered panel, labelling a region). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p={{ base: 'md', sm: 'lg' }} radius="sm">
      <Title order={2} id={id} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
