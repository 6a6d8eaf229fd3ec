#version 300 es
// Heat map, used by web/app/plane/heat_map_renderer.cpp: a quad covering the viewport (set to the plot's
// rectangle), passing 0 … 1 across and up to the fragment shader.
precision highp float;
out vec2 v_uv;
void main() {
  // Two triangles from gl_VertexID: no vertex buffer needed.
  vec2 corners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));
  vec2 c = corners[gl_VertexID];
  v_uv = c * 0.5 + 0.5;
  gl_Position = vec4(c, 0.0, 1.0);
}
