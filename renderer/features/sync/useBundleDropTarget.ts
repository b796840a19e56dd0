/**
 * The window-wide drop target for bundle files: a file dropped anywhere on the app (on any
 * screen) is taken to the sync import page, where it is checked and previewed before anything
 * changes. "Choose a bundle file…" on that page is the keyboard way.
 */
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useBundleDrop } from './dropStore';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function useBundleDropTarget(enabled: boolean): void {
  const navigate = useNavigate();
  const drop = useBundleDrop((state) => state.drop);

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Always claim file drags: otherwise the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!enabled || !file) return;
      drop(file);
      void navigate('/sync/import');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [drop, navigate, enabled]);
}
