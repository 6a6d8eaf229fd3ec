// Graph mode's experiments beside the graph, drawn from graph/gradient_check.hpp's numbers: the
// gradient check's table and the nudge of one input. ImGui only.
#pragma once

#include <string>

#include "expr/engine.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// `program` is `text` compiled (the graph model keeps it between frames); `vars` its inputs' values. Whether the
// section is open, its scheme and h are `state`'s (they are in the link).
void gradient_check_section(GraphState& state, const std::string& text, const expr::Program& program,
                            const expr::Vars& vars, const expr::GraphExport& graph);
// "Apply the nudge" moves the input in `state`.
void nudge_section(GraphState& state, const expr::Program& program, const expr::Vars& vars,
                   const expr::GraphExport& graph);

}  // namespace bp::app
