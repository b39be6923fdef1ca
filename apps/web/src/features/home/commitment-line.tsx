import { Text } from '@mantine/core';
import { AppLink } from '../../ui/app-link';
import { commitmentPage } from './queries';

/** A commitment named by its code (a link to its page) and its title, which stays in the language it was written in. */
export function CommitmentLine({ code, title }: { code: string; title: string }) {
  return (
    <Text>
      <AppLink href={commitmentPage(code)} fw={600} mr={8}>
        {code}
      </AppLink>
      <span>{title}</span>
    </Text>
  );
}
