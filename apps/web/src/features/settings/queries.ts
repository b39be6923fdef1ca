import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type ApiToken = Schemas['ApiTokenResponse'];

export const apiTokensQuery = queryOptions({
  queryKey: ['me', 'tokens'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me/tokens')).items,
});

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateApiTokenRequest']) => unwrap(await api.POST('/api/v1/me/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQuery.queryKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQuery.queryKey }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: Schemas['ChangePasswordRequest']) => unwrap(await api.PUT('/api/v1/me/password', { body })),
  });
}
