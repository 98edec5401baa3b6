// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Error.h"

#include <utility>
#include <variant>

namespace influence::common {

/// The outcome of an operation that can fail: a value or an Error.
/// Shaped like C++23 std::expected (GCC 12 in C++20 mode has none), so it can become an alias
/// later. Never holds both; a default-constructed Result<void> is a success.
template<class T>
class [[nodiscard]] Result
{
public:
    using value_type = T;

    Result(const T &value)
        : m_data(std::in_place_index<0>, value)
    { }
    Result(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(const Error &error)
        : m_data(std::in_place_index<1>, error)
    { }
    Result(Error &&error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    // NOLINTNEXTLINE(readability-identifier-naming): named like std::expected
    bool has_value() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const & { return std::get<1>(m_data); }
    Error &&error() && { return std::get<1>(std::move(m_data)); }

    template<class U>
    // NOLINTNEXTLINE(readability-identifier-naming): named like std::expected
    T value_or(U &&fallback) const &
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    using value_type = void;

    Result() = default;
    Result(const Error &error)
        : m_error(error)
        , m_failed(true)
    { }
    Result(Error &&error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    // NOLINTNEXTLINE(readability-identifier-naming): named like std::expected
    bool has_value() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return has_value(); }
    const Error &error() const & { return m_error; }
    Error &&error() && { return std::move(m_error); }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace influence::common
