// The platform under the app: canvas and WebGL2 context, input (mouse, wheel, touch, keyboard,
// clipboard), device-pixel-ratio handling, on-demand frames and timers. platform_emscripten.cpp is
// the browser's; the app sees this small interface and page.hpp, never a browser header.
#pragma once

#include "imgui.h"

namespace bp::platform {

// A two-finger gesture since the last frame: zoom > 1 when the fingers spread, pan in CSS pixels.
struct Gesture {
  float zoom = 1;
  ImVec2 pan{0, 0};
  ImVec2 center{-1, -1};  // between the fingers; (-1, -1) when there was no gesture
  bool happened() const { return zoom != 1 || pan.x != 0 || pan.y != 0; }
};

// Sets up a WebGL2 context on the canvas matching `selector`, Dear ImGui with its OpenGL backend,
// and the input callbacks. Returns false (and the page shows its message) when WebGL2 is missing.
bool init(const char* selector);

// Runs `frame` whenever something changed: input, a resize, or request_frame(). Between changes the
// page draws nothing and costs no CPU. Returns at once; the browser drives the frames.
void run(void (*frame)());

// Asks for another frame (call it while an animation runs).
void request_frame();
// Asks for the few frames ImGui needs to settle after a change from outside (a new state).
void wake();
// The canvas may have a new size (the page's ResizeObserver, a window resize): read it, and wake().
void resized();

// Inside a frame: begin (feeds ImGui the size, scale, time) and end (renders to the canvas).
void begin_frame();
void end_frame();

// The pinch and pan of this frame, for the plot under its centre.
const Gesture& gesture();

// A rectangle (CSS pixels) where a one-finger touch drags something of the app's (a point, a node, a
// weight), whichever way it goes; call it each frame the thing is drawn. A touch starting anywhere
// else and going up or down scrolls the page (or the panel) instead: a reader can always scroll past.
void claim_touch(ImVec2 min, ImVec2 max);

// This frame Escape means something to the app (leaving a mode of its own, as the audio trace's): the
// next Escape reaches ImGui (IsKeyPressed) instead of leaving the field or the widget. Call it each
// frame while so; without it Escape leaves the field being edited, then the widget (no keyboard trap).
void claim_escape();

// Called after a lost WebGL context comes back, for renderers of the app's own to start afresh (each
// renderer registers its own callback; registering one twice keeps one).
void on_context_restored(void (*callback)());
// Which GL context this is, counting from 1: a GL name made under another generation is dead.
unsigned gl_generation();

// The reader asked the system for reduced motion: animations jump to their end.
bool prefers_reduced_motion();
// The reader asked the system for more contrast (prefers-contrast: more): thicker lines, darker text.
bool prefers_more_contrast();

// The primary pointer is a finger (pointer: coarse): hints then say tap and pinch, not click and wheel.
bool coarse_pointer();

// On a touch screen (the primary pointer is coarse), makes every frame, tab and check box at least
// 40 CSS pixels tall, for a fingertip, with text `font_px` CSS pixels tall. Call after the theme and
// the zoom set the sizes.
void fit_style_to_pointer(ImGuiStyle& style, float font_px);

// How long the last frame took to build (the app's work, the WebGL submission left out), in ms: what work
// spread over frames (training) plans its share of the next frame by.
double last_frame_build_ms();
// How long the current frame has been building so far, in ms (0 outside a frame).
double frame_elapsed_ms();

// Device pixels per CSS pixel, as of the current frame.
float pixel_ratio();

// Tells the page the app is drawing (hides the loading indicator).
void notify_ready();

// Runs `callback` once, `delay_ms` after the call, as a task of its own (between frames, not in one).
void run_later(void (*callback)(), int delay_ms);

// Enables an extension of the current GL context ("KHR_parallel_shader_compile"); false when the
// context does not offer it. Contexts start with none enabled (init()).
bool enable_gl_extension(const char* name);

}  // namespace bp::platform
