/** This installation's key fingerprint, creating the key on first use (outside any live query: that is a write). */
import { useEffect, useState } from 'react';
import { useRepositories } from '../../app/RepositoriesContext';
import type { SyncIdentityView } from '../../db/syncRepository';
import { showError } from '../../stores/toasts';

export function useSigningIdentity(): SyncIdentityView | null {
  const repositories = useRepositories();
  const [identity, setIdentity] = useState<SyncIdentityView | null>(null);
  useEffect(() => {
    let live = true;
    repositories.sync
      .identity()
      .then((value) => {
        if (live) setIdentity(value);
      })
      .catch(showError);
    return () => {
      live = false;
    };
  }, [repositories]);
  return identity;
}
