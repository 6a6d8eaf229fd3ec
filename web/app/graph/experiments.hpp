// Two experiments beside the graph: "check gradients" (every input's autodiff gradient against a
// central difference, with kinks and domain errors flagged) and "nudge" (move an input a little
// along its gradient and compare the predicted change of the output with the actual one).
#pragma once

#include <string>

#include "state/app_state.hpp"
#include "expr/engine.hpp"

namespace bp::app {

// `program` is `text` compiled (the graph panel keeps it between frames).
void gradient_check_section(const std::string& text, const expr::Program& program, const expr::Vars& vars,
                            const expr::GraphExport& graph);
void nudge_section(GraphState& state, const expr::Program& program, const expr::Vars& vars, const expr::GraphExport& graph);

}  // namespace bp::app
