// Renders a component into a fresh container for the jsdom-based component tests.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export function mount(node: ComponentChild): { root: HTMLElement; unmount: () => void } {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return {
    root,
    unmount: () => {
      act(() => render(null, root));
      root.remove();
    },
  };
}

export const byTestId = (root: ParentNode, id: string): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

export function click(element: Element | undefined): void {
  if (!element) throw new Error('nothing to click');
  act(() => void (element as HTMLElement).click());
}

export function type(element: Element | undefined, value: string): void {
  if (!element) throw new Error('nothing to type into');
  act(() => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
