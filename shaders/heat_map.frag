#version 300 es
// Heat map with contour lines, used by web/app/plane/heat_map_renderer.cpp: f(x, y) sampled on an n × n
// grid (cell centres, bottom row first) arrives as a float texture; each pixel interpolates it
// bilinearly, colours it (viridis's five stops) and darkens or lightens it on the iso-lines
// f = k · u_level_step, which are as wide on screen wherever they are because their distance is
// measured in pixels (fwidth). Undefined values come as 1e30 and are drawn grey.
precision highp float;
precision highp int;

uniform highp sampler2D u_values;  // R32F, u_n × u_n texels
uniform int u_n;
uniform vec2 u_uv_min;     // the plot's corners in the grid's 0 … 1 coordinates
uniform vec2 u_uv_max;
uniform float u_low;       // the colour range
uniform float u_high;
uniform float u_level_step;  // the contour spacing in f's units
uniform float u_pixel_ratio;  // device pixels per CSS pixel: lines 1.3 CSS pixels wide on any screen

in vec2 v_uv;
out vec4 color;

const float kUndefined = 1e29;

float fetch(ivec2 p) { return texelFetch(u_values, clamp(p, ivec2(0), ivec2(u_n - 1)), 0).r; }

vec3 viridis(float t) {
  vec3 c0 = vec3(0.267, 0.005, 0.329), c1 = vec3(0.231, 0.322, 0.545), c2 = vec3(0.129, 0.569, 0.549);
  vec3 c3 = vec3(0.369, 0.788, 0.384), c4 = vec3(0.992, 0.906, 0.145);
  float s = clamp(t, 0.0, 1.0) * 4.0;
  if (s < 1.0) return mix(c0, c1, s);
  if (s < 2.0) return mix(c1, c2, s - 1.0);
  if (s < 3.0) return mix(c2, c3, s - 2.0);
  return mix(c3, c4, s - 3.0);
}

void main() {
  vec2 uv = mix(u_uv_min, u_uv_max, v_uv);
  vec2 g = uv * float(u_n) - 0.5;
  ivec2 i = ivec2(floor(g));
  vec2 f = g - floor(g);
  float a = fetch(i), b = fetch(i + ivec2(1, 0)), c = fetch(i + ivec2(0, 1)), d = fetch(i + ivec2(1, 1));
  if (abs(a) > kUndefined || abs(b) > kUndefined || abs(c) > kUndefined || abs(d) > kUndefined) {
    color = vec4(0.62, 0.62, 0.62, 1.0);
    return;
  }
  float v = mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
  vec3 fill = viridis((v - u_low) / max(u_high - u_low, 1e-30));
  float level = v / u_level_step;
  float width = fwidth(level);
  float distance = abs(fract(level + 0.5) - 0.5) / max(width, 1e-9) / u_pixel_ratio;
  float line = 1.0 - smoothstep(0.45, 1.1, distance);
  line *= 1.0 - smoothstep(0.15, 0.35, width);  // lines closer than a few pixels would be a smear
  float luminance = dot(fill, vec3(0.299, 0.587, 0.114));
  vec3 ink = luminance > 0.5 ? vec3(0.0) : vec3(1.0);
  color = vec4(mix(fill, ink, 0.55 * line), 1.0);
}
