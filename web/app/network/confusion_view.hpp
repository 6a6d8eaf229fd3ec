// The confusion matrix of a classifier, train or test, beside the loss curve: counts and rates (each row's share,
// so the diagonal is each class's accuracy), and each class's accuracy in a last column.
#pragma once

#include <string>
#include <vector>

#include "network/trainer.hpp"

namespace bp::app {

// The width draw_confusion_matrix() takes for `classes` classes, to lay it out beside the loss curve.
float confusion_matrix_width(int classes);

// Draws the train or test confusion matrix (`show_test` toggled by the radio buttons above it); class k is named
// class_name(k, label_names).
void draw_confusion_matrix(const Trainer& trainer, bool& show_test, const std::vector<std::string>& label_names);

}  // namespace bp::app
