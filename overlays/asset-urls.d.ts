/**
 * Vite's `?url` imports (fonts, sounds): the module is the built file's URL. The overlays'
 * project leaves Vite's own client types out (they declare Node-flavoured globals).
 */
declare module '*?url' {
  const url: string;
  export default url;
}
