/** The hint's own styles, inside its shadow root; nothing here can reach the page. */
export const HINT_CSS = `
:host { all: initial; }
.hint {
  position: relative;
  box-sizing: border-box;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1b1f24;
  background: #ffffff;
  border: 1px solid #0b5cad;
  border-left-width: 5px;
  border-radius: 8px;
  padding: 10px 36px 10px 12px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
}
.title { font-weight: 700; margin: 0 0 4px; color: #0b5cad; }
p { margin: 0 0 6px; }
.server { overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button {
  font: inherit;
  cursor: pointer;
  border-radius: 6px;
  border: 1px solid #0b5cad;
  background: #0b5cad;
  color: #ffffff;
  padding: 4px 10px;
}
button.secondary { background: transparent; color: #0b5cad; }
button.close {
  position: absolute;
  top: 4px;
  right: 4px;
  border: none;
  background: transparent;
  color: #57606a;
  font-size: 20px;
  line-height: 1;
  padding: 2px 8px;
}
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .hint { color: #e6edf3; background: #16191d; border-color: #4c9be8; }
  .title { color: #4c9be8; }
  button { background: #4c9be8; border-color: #4c9be8; color: #0b1117; }
  button.secondary { background: transparent; color: #4c9be8; }
  button.close { color: #a3adb8; background: transparent; }
}
`;
