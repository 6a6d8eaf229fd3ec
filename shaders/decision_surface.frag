#version 300 es
// Decision surface, used by web/app/network/surface_renderer.cpp: the network's forward pass for this pixel's
// point (x1, x2), coloured as TensorFlow Playground does (orange -1, white 0, blue +1). The weights
// come in a float texture, layer by layer: W row-major (out×in), then b, exactly as Trainer lays them.
precision highp float;
precision highp int;

const int kMaxNeurons = 16;  // the page offers at most 16 neurons per layer and 7 features
const int kMaxLayers = 9;    // 8 hidden layers and the output

uniform highp sampler2D u_weights;  // R32F, u_weights_width texels per row
uniform int u_weights_width;
uniform int u_feature_count;
uniform int u_features[7];     // 0 x1, 1 x2, 2 x1², 3 x2², 4 x1·x2, 5 sin x1, 6 sin x2
uniform int u_layer_count;     // weight layers
uniform int u_sizes[10];       // neurons per layer, inputs first
uniform int u_hidden_activation;  // 0 linear, 1 tanh, 2 relu, 3 sigmoid
uniform int u_output_activation;
uniform float u_strength;      // how strongly values colour the surface (1: full colour)

in vec2 v_point;
out vec4 color;

float weight(int index) {
  return texelFetch(u_weights, ivec2(index % u_weights_width, index / u_weights_width), 0).r;
}

float feature(int kind, float x1, float x2) {
  if (kind == 0) return x1;
  if (kind == 1) return x2;
  if (kind == 2) return x1 * x1;
  if (kind == 3) return x2 * x2;
  if (kind == 4) return x1 * x2;
  if (kind == 5) return sin(x1);
  return sin(x2);
}

float activate(int kind, float z) {
  if (kind == 1) return tanh(z);
  if (kind == 2) return max(z, 0.0);
  if (kind == 3) return 1.0 / (1.0 + exp(-z));
  return z;
}

void main() {
  float a[kMaxNeurons];
  float next[kMaxNeurons];
  for (int i = 0; i < kMaxNeurons; ++i) a[i] = 0.0;
  for (int i = 0; i < u_feature_count; ++i) a[i] = feature(u_features[i], v_point.x, v_point.y);
  int offset = 0;
  for (int l = 0; l < u_layer_count; ++l) {
    int n_in = u_sizes[l];
    int n_out = u_sizes[l + 1];
    int act = l + 1 == u_layer_count ? u_output_activation : u_hidden_activation;
    for (int o = 0; o < n_out; ++o) {
      float z = weight(offset + n_out * n_in + o);  // the bias
      for (int i = 0; i < n_in; ++i) z += weight(offset + o * n_in + i) * a[i];
      next[o] = activate(act, z);
    }
    for (int o = 0; o < n_out; ++o) a[o] = next[o];
    offset += n_out * n_in + n_out;
  }
  float out_value = u_output_activation == 3 ? 2.0 * a[0] - 1.0 : a[0];  // a sigmoid's 0 … 1 as -1 … 1
  float v = clamp(u_strength * out_value, -1.0, 1.0);
  vec3 orange = vec3(245.0, 147.0, 34.0) / 255.0;
  vec3 blue = vec3(8.0, 119.0, 189.0) / 255.0;
  vec3 end = v < 0.0 ? orange : blue;
  color = vec4(mix(vec3(1.0), end, abs(v)), 1.0);
}
