// A value or an error pointing into the input text. The engine reports every problem this way and
// never throws, so a bad input cannot abort the WebAssembly module.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace bp::expr {

// Half-open byte range [start, end) in the UTF-8 input.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

struct Error {
  std::string message;
  Span span;
};

template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design, like std::expected
  Expected(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace bp::expr
