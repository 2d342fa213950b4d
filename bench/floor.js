// floor.js — the renderer's floor for the frame-time goals: each animation frame clears a full-window WebGL2 canvas
// and draws `passes` blended full-screen triangles (?passes=N), nothing else. On a GPU this is nearly free; on a
// software rasterizer it is the cost of touching every pixel, the least any page that covers the screen pays.
(() => {
  const passes = Number(new URLSearchParams(location.search).get('passes') || 0);
  const canvas = document.getElementById('floor');
  canvas.width = Math.round(innerWidth * devicePixelRatio);
  canvas.height = Math.round(innerHeight * devicePixelRatio);
  const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false });
  const shader = (type, source) => { const s = gl.createShader(type); gl.shaderSource(s, source); gl.compileShader(s); return s; };
  const program = gl.createProgram();
  gl.attachShader(program, shader(gl.VERTEX_SHADER, `#version 300 es
    void main() { vec2 p = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 4.0 - 1.0; gl_Position = vec4(p, 0.0, 1.0); }`));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, `#version 300 es
    precision mediump float; uniform float u_t; out vec4 o;
    void main() { o = vec4(0.4 + 0.3 * sin(u_t + gl_FragCoord.x * 0.01), 0.5, 0.45, 0.5); }`));
  gl.linkProgram(program);
  const uT = gl.getUniformLocation(program, 'u_t');
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  const frame = (now) => {
    gl.clearColor(0.94, 0.92, 0.88, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.useProgram(program);
    gl.uniform1f(uT, now / 1000);
    for (let i = 0; i < passes; i++) gl.drawArrays(gl.TRIANGLES, 0, 3);  // one triangle covering the screen
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
