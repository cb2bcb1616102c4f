/**
 * The dark colours, under `scope`: the wrapper's class (`dark` on a dark page, `auto` where the page
 * follows the reader's setting). `:where()` adds nothing to a selector's weight, so each rule weighs what
 * it would unscoped and the light rules' order of precedence holds.
 */
function darkRules(scope: string): string {
  const w = `:where(.${scope})`;
  return `
  ${w} .hint { color: #e6edf3; background: #16191d; border-color: #4c9be8; }
  ${w} .toggle, ${w} button.secondary, ${w} button.link { color: #79b8ff; }
  ${w} .hint.pill, ${w} .hint.tab { background: #4c9be8; }
  ${w} .pill .toggle, ${w} .tab .toggle { color: #0b1117; }
  ${w} button.primary { background: #4c9be8; border-color: #4c9be8; color: #0b1117; }
  ${w} .actions button { border-color: #4c9be8; }
  ${w} .hide { color: #a3adb8; }
  ${w} button:focus-visible { outline-color: #79b8ff; }
`;
}

/** The hint's own styles, inside its shadow root; nothing here can reach the page. */
export const HINT_CSS = `
:host { all: initial; }
.hint {
  box-sizing: border-box;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1b1f24;
  background: #ffffff;
  border: 1px solid #0b5cad;
  border-radius: 20px;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.18);
  overflow: hidden;
}
.hint.open { border-radius: 10px; border-left-width: 5px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button { font: inherit; cursor: pointer; }
.toggle {
  display: flex; align-items: center; gap: 6px;
  width: 100%; min-height: 38px; box-sizing: border-box;
  margin: 0; padding: 6px 12px 6px 9px; font-size: 13px;
  border: none; border-radius: inherit; background: transparent; color: #0b5cad;
  font-weight: 600; white-space: nowrap; text-align: left;
}
.toggle .line { flex: 1 1 auto; overflow: hidden; text-overflow: ellipsis; }
.open .toggle { white-space: normal; }
.toggle .icon { flex: none; }
.chevron { flex: none; font-size: 11px; }
.hint.pill, .hint.tab { background: #0b5cad; }
.pill .toggle, .tab .toggle { color: #ffffff; }
.pill .toggle { width: 38px; min-height: 38px; padding: 0; justify-content: center; }
.hint.tab { border-radius: 10px 0 0 10px; border-right: none; }
.hint.tab.left { border-radius: 0 10px 10px 0; border-left: none; border-right: 1px solid #0b5cad; }
.tab .toggle { width: 19px; min-height: 44px; padding: 0; justify-content: center; }
.tab .icon { width: 16px; height: 16px; }
.panel { padding: 0 14px 12px 12px; }
.panel[hidden] { display: none; }
p { margin: 0 0 8px; }
.server { overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 10px; }
.actions button {
  border-radius: 6px; border: 1px solid #0b5cad; padding: 4px 10px;
}
button.primary { background: #0b5cad; color: #ffffff; }
button.secondary { background: transparent; color: #0b5cad; }
.hide { margin: 0; font-size: 13px; color: #57606a; }
button.link {
  border: none; background: transparent; padding: 0; color: #0b5cad; text-decoration: underline;
}
button:focus-visible { outline: 3px solid #0969da; outline-offset: -3px; }
.pill .toggle:focus-visible, .tab .toggle:focus-visible { outline-color: #ffffff; outline-offset: -4px; }
.actions button:focus-visible, button.link:focus-visible { outline-offset: 2px; }
${darkRules('dark')}
@media (prefers-color-scheme: dark) {${darkRules('auto')}}
`;
