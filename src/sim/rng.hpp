// rng.hpp — a tiny, portable, seedable PRNG (SplitMix64) so simulated data is identical on every platform.
#pragma once

#include <cstdint>
#include <string>

namespace bk {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    // A generator for a named sub-stream, so adding a sensor does not change the others' data.
    Rng fork(const std::string& name) const {
        uint64_t h = 1469598103934665603ull;  // FNV-1a
        for (unsigned char c : name) { h ^= c; h *= 1099511628211ull; }
        return Rng(state_ ^ h);
    }
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
    double range(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Approximately normal (Irwin–Hall, 4 draws): mean 0, sd 1, bounded — no libm needed.
    double normal() { return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508075688772; }
    bool chance(double p) { return uniform() < p; }

private:
    uint64_t state_;
};

}  // namespace bk
