#version 300 es
// Decision surface, used by web/app/network/surface_renderer.cpp: the network's forward pass for this pixel's
// point (x1, x2), coloured as TensorFlow Playground does (orange -1, white 0, blue +1), or with a softmax
// output in the winning class's colour, paler where its probability is nearer an even split (white on the
// boundaries). The weights come in a float texture, layer by layer: W row-major (out×in), then b, exactly as
// Trainer lays them.
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
uniform int u_output_activation;  // ... 4 softmax
uniform float u_strength;      // how strongly values colour the surface (1: full colour)
uniform vec3 u_class_colors[6];  // a softmax output's class colours (network/class_palette.cpp), 0 … 1

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
      next[o] = act == 4 ? z : activate(act, z);  // softmax works on all the logits, below
    }
    for (int o = 0; o < n_out; ++o) a[o] = next[o];
    offset += n_out * n_in + n_out;
  }
  if (u_output_activation == 4) {
    // The winning class is the largest logit; its probability 1 / Σ_k exp(z_k − z_max) (shifted: no overflow).
    int classes = u_sizes[u_layer_count];
    int best = 0;
    for (int k = 1; k < classes; ++k) best = a[k] > a[best] ? k : best;
    float sum = 0.0;
    for (int k = 0; k < classes; ++k) sum += exp(a[k] - a[best]);
    float even = 1.0 / float(classes);
    float sure = clamp((1.0 / sum - even) / (1.0 - even), 0.0, 1.0);  // 0 at an even split, 1 when certain
    color = vec4(mix(vec3(1.0), u_class_colors[best], u_strength * sure), 1.0);
    return;
  }
  float out_value = u_output_activation == 3 ? 2.0 * a[0] - 1.0 : a[0];  // a sigmoid's 0 … 1 as -1 … 1
  float v = clamp(u_strength * out_value, -1.0, 1.0);
  vec3 orange = vec3(245.0, 147.0, 34.0) / 255.0;
  vec3 blue = vec3(8.0, 119.0, 189.0) / 255.0;
  vec3 end = v < 0.0 ? orange : blue;
  color = vec4(mix(vec3(1.0), end, abs(v)), 1.0);
}
