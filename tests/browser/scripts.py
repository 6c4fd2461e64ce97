"""The JavaScript a visit (audit.py) evaluates in the page: axe-core's run, the keyboard
walk's setup and result, the skip link's check and the reflow check at 320 px."""

__all__ = [
    "AXE_RUN",
    "FOCUS_AFTER_SKIP",
    "KEYBOARD_RESULT",
    "KEYBOARD_SETUP",
    "REFLOW",
    "SKIP_LINK_FOCUS",
]

# Shared by the scripts below: a readable CSS path and an HTML snippet of an element.
_DESCRIBE = """
const describe = (el) => {
  const parts = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    if (node.id) { parts.unshift('#' + CSS.escape(node.id)); break; }
    if (node === document.documentElement) { parts.unshift('html'); break; }
    const classes = [...node.classList].slice(0, 2).map(c => '.' + CSS.escape(c));
    let part = node.localName + classes.join('');
    const parent = node.parentElement;
    if (parent) {
      const same = [...parent.children].filter(c => c.localName === node.localName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
    }
    parts.unshift(part);
  }
  const html = el.outerHTML.replace(/\\s+/g, ' ');
  return {selector: parts.join(' > '), html: html.length > 240 ? html.slice(0, 237) + '...' : html};
};
"""

AXE_RUN = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations', 'incomplete'],
  });
  return {
    version: axe.version,
    incomplete: result.incomplete.map(v => ({
      id: v.id, example: v.nodes.length ? v.nodes[0].target.join(', ') : '',
    })),
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({
        target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(', '),
        html: n.html.length > 240 ? n.html.slice(0, 237) + '...' : n.html,
        summary: n.failureSummary || '',
      })),
    })),
  };
}
"""

# Before the first Tab: note every element that should be reachable by keyboard, with its
# unfocused style, and log every element that receives focus with its focused style.
KEYBOARD_SETUP = (
    "() => {"
    + _DESCRIBE
    + """
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'box-shadow',
    'background-color', 'border-top-color', 'border-right-color', 'border-bottom-color',
    'border-left-color', 'border-top-width', 'border-right-width', 'border-bottom-width',
    'border-left-width', 'text-decoration-line', 'text-decoration-thickness'];
  const style = el => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(PROPS.map(p => [p, cs.getPropertyValue(p)]));
  };
  // Natively interactive elements must be reachable even if a tabindex="-1" took them out
  // of the Tab order; other elements count when they ask to be, with tabindex >= 0.
  const NATIVE = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, '
    + 'summary, iframe, audio[controls], video[controls]';
  const FOCUSABLE = NATIVE + ', [tabindex], [contenteditable]';
  const tabbable = el => {
    if (el.disabled || el.closest('[inert], [aria-hidden="true"]')) return false;
    if (el.tabIndex < 0 && !el.matches(NATIVE)) return false;
    if (el.localName === 'summary'
        && !(el.parentElement?.localName === 'details'
             && el.parentElement.querySelector(':scope > summary') === el)) return false;
    return el.checkVisibility({visibilityProperty: true});
  };
  const candidates = [...document.querySelectorAll(FOCUSABLE)].filter(tabbable);
  const baseline = new Map(candidates.map(el => [el, style(el)]));
  const log = [];
  document.addEventListener('focusin', event => {
    const el = event.target;
    const r = el.getBoundingClientRect();
    log.push({el, before: baseline.get(el) || null, after: style(el),
              rect: {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                     width: r.width, height: r.height},
              viewport: {width: innerWidth, height: innerHeight}});
  }, true);
  window.__keyboard = {candidates, log, describe};
  return candidates.length;
}"""
)

KEYBOARD_RESULT = """
() => {
  const {candidates, log, describe} = window.__keyboard;
  const alpha = color => {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return color === 'transparent' ? 0 : 1;
    const parts = m[1].split(/[ ,\\/]+/).filter(Boolean);
    return parts.length > 3 ? parseFloat(parts[3]) : 1;
  };
  const indicator = ({before, after}) => {
    const changed = p => !before || before[p] !== after[p];
    const found = [];
    const outlineShown = after['outline-style'] !== 'none'
      && parseFloat(after['outline-width']) > 0 && alpha(after['outline-color']) > 0;
    if (outlineShown && ['outline-style', 'outline-width', 'outline-color'].some(changed)) {
      found.push(['outline', after['outline-width'], after['outline-style'],
                  after['outline-color']].join(' '));
    }
    if (after['box-shadow'] !== 'none' && changed('box-shadow')) found.push('box-shadow');
    if (changed('background-color')) found.push('background colour');
    if (Object.keys(after).some(p => p.startsWith('border-') && changed(p))) found.push('border');
    if (changed('text-decoration-line') || changed('text-decoration-thickness')) {
      found.push('underline');
    }
    return found;
  };
  const reached = new Set(log.map(entry => entry.el));
  const radioGroupReached = el => el.type === 'radio' && el.name && [...reached].some(
    other => other.type === 'radio' && other.name === el.name && other.form === el.form);
  const seen = new Set();
  const stops = [];
  for (const entry of log) {
    if (seen.has(entry.el)) continue;
    seen.add(entry.el);
    const {rect, viewport} = entry;
    stops.push({
      ...describe(entry.el),
      indicator: indicator(entry),
      onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
        && rect.left < viewport.width && rect.top < viewport.height,
      outlineStyle: entry.after['outline-style'], boxShadow: entry.after['box-shadow'],
    });
  }
  const first = log.length ? log[0].el : null;
  const main = document.querySelector('main, [role=main]');
  let skipTarget = null;
  if (first && first.localName === 'a' && first.hash && first.pathname === location.pathname) {
    skipTarget = document.getElementById(decodeURIComponent(first.hash.slice(1)));
  }
  return {
    candidates: candidates.length,
    stops,
    unreached: candidates.filter(el => !reached.has(el) && !radioGroupReached(el))
      .map(el => ({...describe(el), tabindex: el.getAttribute('tabindex')})),
    first: first ? {...describe(first), text: first.textContent.trim()} : null,
    firstIsSkipLink: !!(skipTarget && main && (skipTarget === main || main.contains(skipTarget))),
    hasMain: !!main,
  };
}
"""

SKIP_LINK_FOCUS = "() => window.__keyboard.log[0].el.focus()"
FOCUS_AFTER_SKIP = (
    "() => {"
    + _DESCRIBE
    + """
  const main = document.querySelector('main, [role=main]');
  const active = document.activeElement;
  const focused = active && active !== document.body;
  return {inMain: !!(main && active && main.contains(active)),
          active: focused ? describe(active) : {selector: 'body', html: ''},
          hash: location.hash};
}"""
)

REFLOW = (
    "() => {"
    + _DESCRIBE
    + """
  const root = document.documentElement;
  const width = root.clientWidth;
  const result = {scrollWidth: root.scrollWidth, clientWidth: width, offenders: []};
  if (root.scrollWidth <= width) return result;
  const wide = [...document.body.querySelectorAll('*')].filter(
    el => el.getBoundingClientRect().right > width + 0.5 && el.checkVisibility());
  const set = new Set(wide);
  // The innermost elements that stick out: the ones to fix.
  result.offenders = wide.filter(el => ![...el.children].some(c => set.has(c))).slice(0, 8)
    .map(el => ({...describe(el), right: Math.round(el.getBoundingClientRect().right)}));
  return result;
}"""
)
