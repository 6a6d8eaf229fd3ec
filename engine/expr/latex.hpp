// The LaTeX subset the lexer reads: what each backslash command means. The lexer does the reading
// (braces, \frac's two groups, \sqrt's index); this is only the table.
#pragma once

#include <string>
#include <string_view>

namespace bp::expr::latex {

enum class Kind {
  kUnknown,
  kSpace,     // \, \; \! \: \  \quad \qquad: ignored like a space
  kOperator,  // \cdot \times \div \le \ge \ne \lt \gt: `text` is the ASCII operator
  kName,      // \sin \ln \pi \alpha …: `text` is the name (UTF-8 Greek letter for Greek commands)
  kFunction,  // \sin \cos \ln \exp …: a name that may take its argument in braces, \sin{x}
  kFrac,      // \frac \dfrac \tfrac
  kSqrt,      // \sqrt
  kLeft,      // \left
  kRight,     // \right
  kBar,       // \vert \lvert \rvert \mid
  kLBrace,    // \{
  kRBrace,    // \}
  kOperatorName,  // \operatorname{name} \mathrm{name}
};

struct Command {
  Kind kind = Kind::kUnknown;
  std::string_view text;
};

// The command `name` (without its backslash: "frac", "," or "alpha").
Command command(std::string_view name);

// For errors: the supported commands, in a sentence.
std::string_view supported_list();

}  // namespace bp::expr::latex
