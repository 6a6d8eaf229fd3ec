// What the page reads of an instance's results (docs/embedding.md "Exercises"): the numbers the panels
// show this frame, never a hidden one, and the exercise's answers. The panels report what they draw;
// answers come from the canvas's answer fields or the page (instance.answer). No ImGui.
#pragma once

#include <optional>
#include <string>

#include "exercise/exercise_model.hpp"

namespace bp::app {

// Each frame before the panels: forgets last frame's shown results and follows `state`'s exercise
// (which must outlive the frame).
void begin_results_frame(const ExerciseState& state);
// Whether the exercise asks for `id`; whether it asks anything of `mode`.
bool is_asked(const std::string& id);
bool asks_in(Mode mode);
// Whether the author panel is open (it offers the mode's ids, so it needs the true values too).
bool is_authoring();
// "within 0.5 % or 1e-6": the exercise's tolerance in words.
std::string tolerance_text();
// A panel drew `value` as `key` ("fx", "slope", "loss"); the caller checks is_hidden first.
void show_result(const std::string& key, double value);
// The shown mode's true values this frame (its panel computes them).
void set_truths(Truths truths);
const Truths& truths();
// Whether this frame's truths have other ids than the last frame's (a new program, network or mode):
// what was drawn before the panel set them (the author panel) needs one more frame. Clears the flag.
bool take_truths_changed();
Exercise& exercise();

// Checks an answer (the canvas's fields, or the page) and tells the answer listener; none when `id` is
// not asked or has no true value in this mode.
std::optional<Attempt> submit_answer(const std::string& id, double value);
// Called with each attempt's JSON (attempt_json); the page hooks set it to page::answered.
void set_answer_listener(void (*listener)(const std::string& json));

// {"id","response","success","attempts","revealed"}; with the true value only when it is revealed.
std::string attempt_json(const Attempt& attempt);
// {"fx":6,"slope":5,…}: this frame's shown results (null for a value that is not a finite number).
std::string shown_results_json();
// [{"id","label","value","correct","attempts","revealed"(, "answer" once revealed)}, …] per asked quantity.
std::string answers_json();

}  // namespace bp::app
