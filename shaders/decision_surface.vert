#version 300 es
// Decision surface, used by web/app/network/surface_renderer.cpp: a quad covering the viewport (set to the
// surface's square), passing the input-space position (-6 … 6 on both axes) to the fragment shader.
precision highp float;
out vec2 v_point;
void main() {
  // Two triangles from gl_VertexID: no vertex buffer needed.
  vec2 corners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));
  vec2 c = corners[gl_VertexID];
  v_point = c * 6.0;
  gl_Position = vec4(c, 0.0, 1.0);
}
