// Lesson pages: formulas rendered by KaTeX as MathML (the browser draws it natively: no fonts or style sheet to
// ship), and the sections a reader reaches reported to the server for their progress.
import katex from 'katex';

interface LessonServer {
  sectionReached(id: string): void;
}

/**
 * A display formula wider than its column scrolls sideways; only then is it a stop for the Tab key, so that it can
 * be scrolled with the arrow keys (WCAG 2.1.1). Checked again whenever its width changes (a phone turned, a window
 * resized).
 */
const scrollableFormulas = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const element = entry.target as HTMLElement;
    if (element.scrollWidth > element.clientWidth) {
      element.tabIndex = 0;
    } else {
      element.removeAttribute('tabindex');
    }
  }
});

function renderMath(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('[data-tex]').forEach((element) => {
    if (element.dataset.rendered === 'true') {
      return;
    }
    try {
      katex.render(element.dataset.tex ?? '', element, {
        displayMode: element.classList.contains('ll-math-display'),
        output: 'mathml',
        throwOnError: false,
        trust: false,
        strict: 'ignore',
      });
      element.dataset.rendered = 'true';
      if (element.classList.contains('ll-math-display')) {
        scrollableFormulas.observe(element);
      }
    } catch (error) {
      // The TeX source stays visible as text.
      console.warn('formula not rendered', error);
    }
  });
}

function watchSections(root: HTMLElement & { $server?: LessonServer }): void {
  const reported = new Set<string>();
  const timers = new Map<Element, number>();
  // A heading counts as reached once it has stayed in the upper part of the screen for a moment, so that
  // scrolling past it (or opening the page at the top) does not count as reading there.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).id;
        if (!id || reported.has(id)) {
          continue;
        }
        if (entry.isIntersecting) {
          timers.set(entry.target, window.setTimeout(() => {
            reported.add(id);
            root.$server?.sectionReached(id);
          }, 1200));
        } else {
          window.clearTimeout(timers.get(entry.target));
          timers.delete(entry.target);
        }
      }
    },
    { rootMargin: '0px 0px -35% 0px' },
  );
  root.querySelectorAll('h2[id], h3[id]').forEach((heading) => observer.observe(heading));
}

function scrollToSection(root: HTMLElement, id: string): void {
  const target = id ? root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) : null;
  target?.scrollIntoView({ block: 'start' });
}

function init(root: HTMLElement, section: string): void {
  renderMath(root);
  // After the router has finished its own scrolling for the navigation.
  window.setTimeout(() => {
    scrollToSection(root, section);
    watchSections(root);
  }, 150);
}

(window as unknown as { latentlabLesson: object }).latentlabLesson = { init, renderMath };
