// The browser platform under the app: canvas and WebGL2 context, input (mouse, wheel, touch,
// keyboard, clipboard), device-pixel-ratio handling and on-demand frames. The only place that
// includes emscripten headers; the app sees this small interface.
#pragma once

namespace bp::platform {

// Sets up a WebGL2 context on the canvas matching `selector`, Dear ImGui with its OpenGL backend,
// and the input callbacks. Returns false (and the page shows its message) when WebGL2 is missing.
bool init(const char* selector);

// Runs `frame` whenever something changed: input, a resize, or request_frame(). Between changes the
// page draws nothing and costs no CPU. Returns at once; the browser drives the frames.
void run(void (*frame)());

// Asks for another frame (call it while an animation runs).
void request_frame();

// Inside a frame: begin (feeds ImGui the size, scale, time) and end (renders to the canvas).
void begin_frame();
void end_frame();

// Device pixels per CSS pixel, as of the current frame.
float pixel_ratio();

// Tells the page the app is drawing (hides the loading indicator).
void notify_ready();

}  // namespace bp::platform
