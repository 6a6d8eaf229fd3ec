#version 300 es
// Decision surface, used by web/app/network/surface_renderer.cpp: the network's forward pass for this pixel's
// point (x1, x2), coloured as TensorFlow Playground does (orange -1, white 0, blue +1), or with a softmax
// output in the winning class's colour, paler where its probability is nearer an even split (white on the
// boundaries).
//
// Four numbers at a time: the weights come in a uniform block of vec4s, per layer each row of W padded with
// zeros to a multiple of 4 inputs, then b padded to a multiple of 4 (surface_renderer.cpp lays them out so);
// the activations are four vec4s. One read and one dot product per 4 weights, every loop bounded by a
// constant. Under a software renderer (a phone's fallback, headless Chromium's) the earlier version, a float
// texture read one weight a fetch with an integer division per weight, was the GPU thread's whole frame for
// a [2, 16, 16, 4] network, and texture fetches four at a time still most of it. Padded outputs get act(0) and meet only zero weights. A layer with a skip
// connection adds its input, as nn::Network does (h_{l+1} = h_l + act(W h_l + b), the sizes equal).
precision highp float;
precision highp int;

const int kMaxGroups = 4;  // 16 neurons per layer at most (the page offers 16, and 7 features), 4 per vec4
const int kMaxLayers = 9;  // 8 hidden layers and the output
// The most vec4s a network the page offers needs: 7 features → 16 (36), 7 × 16 → 16 (68 each), 16 → 6
// classes (26): 538. 768 × 16 bytes stays under WebGL2's least uniform block size, 16 KB.
const int kMaxWeightVectors = 768;  // surface_renderer.cpp: kMaxWeightVectors

layout(std140) uniform Weights {
  vec4 u_weights[kMaxWeightVectors];
};
uniform int u_feature_count;
uniform int u_features[7];     // 0 x1, 1 x2, 2 x1², 3 x2², 4 x1·x2, 5 sin x1, 6 sin x2
uniform int u_layer_count;     // weight layers
uniform int u_skips;           // bit l set: layer l adds its input to what it computes (a residual block)
uniform int u_sizes[10];       // neurons per layer, inputs first
uniform int u_hidden_activation;  // 0 linear, 1 tanh, 2 relu, 3 sigmoid
uniform int u_output_activation;  // ... 4 softmax
uniform float u_strength;      // how strongly values colour the surface (1: full colour)
uniform vec3 u_class_colors[6];  // a softmax output's class colours (network/class_palette.cpp), 0 … 1

in vec2 v_point;
out vec4 color;

vec4 texel(int index) { return u_weights[index]; }

float feature(int kind, float x1, float x2) {
  if (kind == 0) return x1;
  if (kind == 1) return x2;
  if (kind == 2) return x1 * x1;
  if (kind == 3) return x2 * x2;
  if (kind == 4) return x1 * x2;
  if (kind == 5) return sin(x1);
  return sin(x2);
}

vec4 activate(int kind, vec4 z) {
  if (kind == 1) return tanh(z);
  if (kind == 2) return max(z, 0.0);
  if (kind == 3) return 1.0 / (1.0 + exp(-z));
  return z;  // linear, and softmax's logits (below)
}

void main() {
  vec4 a[kMaxGroups];
  for (int g = 0; g < kMaxGroups; ++g) a[g] = vec4(0.0);
  float inputs[8] = float[8](0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
  for (int i = 0; i < 7; ++i) {
    if (i >= u_feature_count) break;
    inputs[i] = feature(u_features[i], v_point.x, v_point.y);
  }
  a[0] = vec4(inputs[0], inputs[1], inputs[2], inputs[3]);
  a[1] = vec4(inputs[4], inputs[5], inputs[6], inputs[7]);
  int at = 0;  // the layer's first texel
  for (int l = 0; l < kMaxLayers; ++l) {
    if (l >= u_layer_count) break;
    int in_groups = (u_sizes[l] + 3) / 4;
    int n_out = u_sizes[l + 1];
    int biases = at + n_out * in_groups;
    int act = l + 1 == u_layer_count ? u_output_activation : u_hidden_activation;
    vec4 next[kMaxGroups];
    for (int g = 0; g < kMaxGroups; ++g) {
      next[g] = vec4(0.0);
      if (4 * g >= n_out) continue;
      vec4 z = texel(biases + g);
      for (int k = 0; k < 4; ++k) {
        int o = 4 * g + k;
        if (o >= n_out) break;
        int row = at + o * in_groups;
        float sum = 0.0;
        for (int i = 0; i < kMaxGroups; ++i) {
          if (i >= in_groups) break;
          sum += dot(texel(row + i), a[i]);
        }
        z[k] += sum;
      }
      next[g] = activate(act, z);
      if (((u_skips >> l) & 1) == 1) next[g] += a[g];
    }
    for (int g = 0; g < kMaxGroups; ++g) a[g] = next[g];
    at = biases + (n_out + 3) / 4;
  }
  if (u_output_activation == 4) {
    // The winning class is the largest logit; its probability 1 / Σ_k exp(z_k − z_max) (shifted: no overflow).
    float z[8] = float[8](a[0].x, a[0].y, a[0].z, a[0].w, a[1].x, a[1].y, a[1].z, a[1].w);
    int classes = u_sizes[u_layer_count];
    int best = 0;
    for (int k = 1; k < 6; ++k) {
      if (k >= classes) break;
      best = z[k] > z[best] ? k : best;
    }
    float top = z[best];
    float sum = 0.0;
    for (int k = 0; k < 6; ++k) {
      if (k >= classes) break;
      sum += exp(z[k] - top);
    }
    float even = 1.0 / float(classes);
    float sure = clamp((1.0 / sum - even) / (1.0 - even), 0.0, 1.0);  // 0 at an even split, 1 when certain
    color = vec4(mix(vec3(1.0), u_class_colors[best], u_strength * sure), 1.0);
    return;
  }
  float out_value = u_output_activation == 3 ? 2.0 * a[0].x - 1.0 : a[0].x;  // a sigmoid's 0 … 1 as -1 … 1
  float v = clamp(u_strength * out_value, -1.0, 1.0);
  vec3 orange = vec3(245.0, 147.0, 34.0) / 255.0;
  vec3 blue = vec3(8.0, 119.0, 189.0) / 255.0;
  vec3 end = v < 0.0 ? orange : blue;
  color = vec4(mix(vec3(1.0), end, abs(v)), 1.0);
}
