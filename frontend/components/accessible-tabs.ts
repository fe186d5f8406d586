// vaadin-tabs (Vaadin 25.2) gives the scroll container in its shadow DOM tabindex="-1" (so that Firefox does not
// stop on it while tabbing). A focusable element between role="tablist" and its role="tab" children breaks the
// structure assistive technology reads (axe: aria-required-children, critical): a screen reader no longer finds the
// tabs in the tab list. Focus never goes to that container (the tabs move focus among themselves), so the attribute
// is removed once each vaadin-tabs has first rendered. Loaded by the main layout, it covers every tab sheet of the app.

type TabsElement = HTMLElement & { firstUpdated?: (...args: unknown[]) => void };

function repair(tabs: Element): void {
  tabs.shadowRoot?.getElementById('scroll')?.removeAttribute('tabindex');
}

customElements.whenDefined('vaadin-tabs').then((tabsClass) => {
  // Lifecycle callbacks are fixed when an element is defined, but Lit looks firstUpdated up on every element.
  const prototype = tabsClass.prototype as TabsElement;
  const firstUpdated = prototype.firstUpdated;
  prototype.firstUpdated = function (this: TabsElement, ...args: unknown[]) {
    firstUpdated?.apply(this, args);
    repair(this);
  };
  document.querySelectorAll('vaadin-tabs').forEach(repair);
});
