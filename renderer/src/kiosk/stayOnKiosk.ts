/**
 * Keeps the kiosk page where it is in any browser, not only in the Electron shell (which denies
 * navigation and new windows by itself): a file dropped on the screen is not opened, and nothing
 * on the page can open a window. The kiosk has no links and keeps no history to go back to.
 */
export function stayOnKiosk(target: Window = window): () => void {
  const refuse = (event: Event) => event.preventDefault();
  target.addEventListener('dragover', refuse);
  target.addEventListener('drop', refuse);
  const open = target.open;
  target.open = () => null;
  return () => {
    target.removeEventListener('dragover', refuse);
    target.removeEventListener('drop', refuse);
    target.open = open;
  };
}
