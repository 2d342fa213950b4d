// incremental_scene.cpp — glyphs recoloured only where a sensor's look can have changed; dot-matrix sums moved only
// for the glyphs that changed.
#include "incremental_scene.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace bk {

namespace {

uint16_t lookFlags(const GlyphStyle& s, float v) {
    return uint16_t((std::isnan(v) ? kNoData : 0) | (isAlert(s, v) ? kAlert : 0));
}

// Whether the look is the same for every value between a and b (a segment of readings, interpolated).
bool lookStable(const GlyphStyle& s, float a, float b) {
    if (std::isnan(a) && std::isnan(b)) return true;
    if (a == b) return true;
    if (std::isnan(a) || std::isnan(b) || !lookIsBanded(s)) return false;
    return colorForValue(s, a) == colorForValue(s, b) && lookFlags(s, a) == lookFlags(s, b);
}

bool sameInputs(const GlyphInputs& a, const GlyphInputs& b) {
    return a.styles == b.styles && a.positions == b.positions && a.stylesVersion == b.stylesVersion &&
           a.layerMask == b.layerMask && a.shrink == b.shrink && a.valuesSampled == b.valuesSampled && (a.pass == nullptr) == (b.pass == nullptr) &&
           (a.pass == nullptr || a.selected == b.selected);  // with filters, the selection is drawn even if it fails
}

}  // namespace

void GlyphScene::rebuild(const GlyphInputs& in, const std::vector<float>& values, Sampler& sampler,
                         std::vector<GlyphInstance>& glyphs, std::vector<uint32_t>& sensorOfGlyph) {
    buildGlyphs(*in.styles, *in.positions, values, in.layerMask, in.selected, in.hovered, glyphs, sensorOfGlyph, in.pass);
    if (in.shrink < 1.0f)
        for (GlyphInstance& g : glyphs) g.radiusPx *= in.shrink;
    const std::vector<int32_t>& index = sampler.sensorReadingIndex();
    look_.resize(glyphs.size());
    end_.resize(glyphs.size());
    for (size_t j = 0; j < glyphs.size(); ++j) {
        const uint32_t i = sensorOfGlyph[j];
        const GlyphStyle& s = (*in.styles)[i];
        Look& h = look_[j];
        h.lastIndex = i < index.size() ? index[i] : -1;
        const float b = i < index.size() ? sampler.segmentTo(i) : std::numeric_limits<float>::quiet_NaN();
        h.stable = i < index.size() && lookStable(s, sampler.segmentFrom(i), b);
        end_[j] = {b, colorForValue(s, b), lookFlags(s, b)};
    }
    glyphOfSensor_.assign(values.size(), -1);
    for (size_t j = 0; j < glyphs.size(); ++j)
        if (sensorOfGlyph[j] < glyphOfSensor_.size()) glyphOfSensor_[sensorOfGlyph[j]] = int32_t(j);
    listUnstable();
    sampler.takeMoved(moved_);  // every look is this frame's: what moved before is seen
    key_ = in;
    passCopy_.assign(in.pass ? in.pass->begin() : passCopy_.end(), in.pass ? in.pass->end() : passCopy_.end());
    valid_ = rebuilt_ = settled_ = true;
    ++structure_;
    recoloured_ = glyphs.size();
}

// The selection or hover mark moved: the two glyphs concerned change their flags, nothing else.
void GlyphScene::setMark(std::vector<GlyphInstance>& glyphs, const std::vector<uint32_t>& sensorOfGlyph, int sensor,
                         uint16_t flag, bool on) {
    if (sensor < 0) return;
    auto it = std::lower_bound(sensorOfGlyph.begin(), sensorOfGlyph.begin() + long(sensorGlyphs()), uint32_t(sensor));
    if (it == sensorOfGlyph.begin() + long(sensorGlyphs()) || *it != uint32_t(sensor)) return;
    GlyphInstance& g = glyphs[size_t(it - sensorOfGlyph.begin())];
    const uint16_t flags = on ? uint16_t(g.flags | flag) : uint16_t(g.flags & ~flag);
    if (flags == g.flags) return;
    changes_.push_back({uint32_t(it - sensorOfGlyph.begin()), g.rgba, g.flags});
    g.flags = flags;
}

void GlyphScene::update(const GlyphInputs& in, const std::vector<float>& values, Sampler& sampler,
                        std::vector<GlyphInstance>& glyphs, std::vector<uint32_t>& sensorOfGlyph) {
    changes_.clear();
    rebuilt_ = false;
    const bool passSame = !in.pass || (in.pass->size() == passCopy_.size() &&
                                       std::memcmp(in.pass->data(), passCopy_.data(), passCopy_.size()) == 0);
    if (!valid_ || !sameInputs(in, key_) || !passSame || glyphs.size() < sensorGlyphs() ||
        sensorOfGlyph.size() < sensorGlyphs()) {
        rebuild(in, values, sampler, glyphs, sensorOfGlyph);
        return;
    }
    const size_t n = sensorGlyphs();
    glyphs.resize(n);  // drop what the caller appended last frame
    sensorOfGlyph.resize(n);
    // Marks first (their old flags are what the dot matrix binned), then the values.
    if (in.selected != key_.selected) {
        setMark(glyphs, sensorOfGlyph, key_.selected, kSelected, false);
        setMark(glyphs, sensorOfGlyph, in.selected, kSelected, true);
    }
    if (in.hovered != key_.hovered) {
        setMark(glyphs, sensorOfGlyph, key_.hovered, kHovered, false);
        setMark(glyphs, sensorOfGlyph, in.hovered, kHovered, true);
    }
    key_.selected = in.selected;
    key_.hovered = in.hovered;
    const std::vector<GlyphStyle>& styles = *in.styles;
    const int32_t* index = sampler.sensorReadingIndex().data();
    size_t recoloured = 0;
    auto setLook = [&](size_t j, uint32_t rgba, uint16_t look) {
        ++recoloured;
        GlyphInstance& g = glyphs[j];
        const uint16_t flags = uint16_t((g.flags & ~(kNoData | kAlert)) | look);
        if (rgba == g.rgba && flags == g.flags) return;
        changes_.push_back({uint32_t(j), g.rgba, g.flags});
        g.rgba = rgba;
        g.flags = flags;
    };
    auto recolour = [&](size_t j, uint32_t i) { setLook(j, colorForValue(styles[i], values[i]), lookFlags(styles[i], values[i])); };
    // A glyph on a new segment: a stable one has its start's look all along (no look of this frame's value needed).
    auto moved = [&](size_t j, uint32_t i) {
        uint32_t rgba;
        uint16_t flags;
        look_[j].stable = enterSegment(j, styles[i], sampler.segmentFrom(i), sampler.segmentTo(i), rgba, flags);
        if (look_[j].stable && in.valuesSampled) setLook(j, rgba, flags);
        else recolour(j, i);
    };
    // Which sensors entered another segment is known sensor by sensor after a frame's small step: only they, and the
    // sensors whose look can change along their segment, need a look. After a jump (or values not the sampler's),
    // every glyph is looked at.
    if (sampler.takeMoved(moved_) && in.valuesSampled) {
        for (uint32_t i : moved_) {
            const int32_t j = i < glyphOfSensor_.size() ? glyphOfSensor_[i] : -1;
            if (j < 0) continue;  // not drawn (filtered out, its layer hidden)
            Look& h = look_[size_t(j)];
            const bool was = h.stable;
            h.lastIndex = index[i];
            moved(size_t(j), i);
            if (was && !h.stable) unstable_.push_back(uint32_t(j));
        }
        size_t kept = 0;
        for (uint32_t j : unstable_) {
            if (look_[j].stable) continue;  // its new segment is stable: off the list
            unstable_[kept++] = j;
            recolour(j, sensorOfGlyph[j]);
        }
        unstable_.resize(kept);
    } else {
        for (size_t j = 0; j < n; ++j) {
            const uint32_t i = sensorOfGlyph[j];
            Look& h = look_[j];
            if (index[i] != h.lastIndex) {  // a new segment: can its look change along it?
                h.lastIndex = index[i];
                moved(j, i);
                continue;
            }
            if (h.stable && in.valuesSampled) continue;  // same segment, a look that cannot change along it
            recolour(j, i);
        }
        listUnstable();
    }
    recoloured_ = recoloured;
    settled_ = false;
    if (!in.lazyGauges) settleGauges(values, sensorOfGlyph, glyphs);
}

bool GlyphScene::enterSegment(size_t j, const GlyphStyle& s, float a, float b, uint32_t& rgba, uint16_t& flags) {
    // lookStable(s, a, b), with the looks of a and b at hand: a's is the last segment's end look when a is that
    // end's value (playback moves on to the next reading), and b's is kept for the next move.
    EndLook& e = end_[j];
    const bool nan = std::isnan(a);
    if (a == e.value || (nan && std::isnan(e.value))) {
        rgba = e.rgba;
        flags = e.flags;
    } else {
        rgba = colorForValue(s, a);
        flags = lookFlags(s, a);
    }
    if (!(a == b || (nan && std::isnan(b)))) {
        e = {b, colorForValue(s, b), lookFlags(s, b)};
        return !nan && !std::isnan(b) && lookIsBanded(s) && e.rgba == rgba && e.flags == flags;
    }
    e = {b, rgba, flags};
    return true;
}

void GlyphScene::listUnstable() {
    unstable_.clear();
    for (size_t j = 0; j < look_.size(); ++j)
        if (!look_[j].stable) unstable_.push_back(uint32_t(j));
}

void GlyphScene::settleGauge(uint32_t sensor, float v, GlyphInstance& g) const {
    // normalisedValue and glyphRadiusPx: the same arithmetic, bit for bit.
    const GlyphStyle& s = (*key_.styles)[sensor];
    g.gauge = std::isnan(v) ? 0.0f : static_cast<float>(std::clamp((v - s.lo) / (s.hi - s.lo), 0.0, 1.0));
    float r = glyphRadiusPx(s.type, g.gauge);
    if (key_.shrink < 1.0f) r *= key_.shrink;
    g.radiusPx = r;
}

void GlyphScene::settleGauges(const std::vector<float>& values, const std::vector<uint32_t>& sensorOfGlyph,
                              std::vector<GlyphInstance>& glyphs) {
    if (settled_) return;
    const size_t n = std::min({sensorGlyphs(), glyphs.size(), sensorOfGlyph.size()});
    for (size_t j = 0; j < n; ++j) settleGauge(sensorOfGlyph[j], values[sensorOfGlyph[j]], glyphs[j]);
    settled_ = true;
}

// ---- the dot matrix --------------------------------------------------------------------------------------------

void DotMatrix::colourCell(DensityGrid& grid, size_t c) const {
    grid.rgba[c] = densityCellColour(&sums_[c * 4], fullCount_);  // as buildDensityGrid
}

void DotMatrix::rebin(const std::vector<GlyphInstance>& glyphs, size_t n, DensityGrid& grid) {
    const size_t cells = size_t(grid.cols) * size_t(grid.rows);
    sums_.assign(cells * 4, 0.0f);
    keptIdx_.clear();
    grid.binned = 0;
    for (size_t j = 0; j < n; ++j) {
        const GlyphInstance& g = glyphs[j];
        if ((g.flags & keepFlags_) || g.shape >= kSensorTypeCount) { keptIdx_.push_back(uint32_t(j)); continue; }
        if (cellOf_[j] < 0) continue;
        addToCell(&sums_[size_t(cellOf_[j]) * 4], g.rgba);
        ++grid.binned;
    }
    grid.rgba.resize(cells);
    for (size_t c = 0; c < cells; ++c) colourCell(grid, c);
    dirtyMark_.assign(cells, 0);
}

bool DotMatrix::update(const std::vector<GlyphInstance>& glyphs, const GlyphScene& scene, const Camera& cam,
                       int viewportW, int viewportH, float cellPx, size_t maxGlyphs, int fullCount, DensityGrid& grid,
                       std::vector<GlyphInstance>& keep) {
    const size_t n = std::min(scene.sensorGlyphs(), glyphs.size());
    const Key key{cam.center().x, cam.center().y, cam.pixelsPerUnit(), cam.originX(), cam.originY(), cam.viewportWidth(),
                  cam.viewportHeight(), viewportW, viewportH, cellPx, maxGlyphs, fullCount,
                  scene.structureVersion()};
    const bool same = valid_ && key == key_ && !scene.rebuilt() && cellOf_.size() == n;
    auto onScreenAt = [&](const GlyphInstance& g, Vec2& s) {
        s = cam.worldToScreen({g.x, g.y});
        return s.x >= 0 && s.y >= 0 && s.x < viewportW && s.y < viewportH;
    };
    if (!same) {  // where each sensor glyph falls, once per view
        key_ = key;
        valid_ = true;
        binnedLast_ = false;
        fullCount_ = fullCount;
        cellOf_.assign(n, -1);
        onScreen_ = 0;
        alerts_ = 0;
        const int cols = cellPx >= 1 ? int(std::ceil(float(viewportW) / cellPx)) : 0;
        for (size_t j = 0; j < n; ++j) {
            Vec2 s;
            alerts_ += (glyphs[j].flags & kAlert) != 0;
            if (!onScreenAt(glyphs[j], s)) continue;
            ++onScreen_;
            if (cols > 0) cellOf_[j] = int32_t(int(s.y / cellPx) * cols + int(s.x / cellPx));
        }
    } else {
        for (const GlyphScene::Change& ch : scene.changes())
            alerts_ += size_t((glyphs[ch.glyph].flags & kAlert) != 0) - size_t((ch.oldFlags & kAlert) != 0);
    }
    // What is appended after the sensors (the truck) is always a glyph, and counts as on screen like the rest.
    size_t onScreen = onScreen_;
    for (size_t j = n; j < glyphs.size(); ++j) {
        Vec2 s;
        onScreen += onScreenAt(glyphs[j], s);
    }
    keep.clear();
    if (onScreen <= maxGlyphs || cellPx < 1 || viewportW <= 0 || viewportH <= 0) {  // every glyph is drawn: no copy
        grid.binned = 0;
        binnedLast_ = false;
        return false;
    }
    const uint16_t keepFlags = alerts_ <= kMaxAlertGlyphs ? uint16_t(kAlert | kSelected | kHovered) : uint16_t(kSelected | kHovered);
    if (!same || !binnedLast_ || keepFlags != keepFlags_) {
        grid.cellPx = cellPx;
        grid.cols = int(std::ceil(float(viewportW) / cellPx));
        grid.rows = int(std::ceil(float(viewportH) / cellPx));
        keepFlags_ = keepFlags;
        rebin(glyphs, n, grid);
        binnedLast_ = true;
    } else {
        dirty_.clear();
        for (const GlyphScene::Change& ch : scene.changes()) {
            const GlyphInstance& g = glyphs[ch.glyph];
            const bool wasKept = (ch.oldFlags & keepFlags_) != 0, isKept = (g.flags & keepFlags_) != 0;
            if (wasKept != isKept) {
                auto it = std::lower_bound(keptIdx_.begin(), keptIdx_.end(), ch.glyph);
                if (isKept) keptIdx_.insert(it, ch.glyph);
                else keptIdx_.erase(it);
            }
            const int32_t c = cellOf_[ch.glyph];
            if (c < 0) continue;
            float* acc = &sums_[size_t(c) * 4];
            if (!wasKept) {
                addToCell(acc, ch.oldRgba, -1.0f);
                --grid.binned;
            }
            if (!isKept) {
                addToCell(acc, g.rgba);
                ++grid.binned;
            }
            if (!dirtyMark_[size_t(c)]) {
                dirtyMark_[size_t(c)] = 1;
                dirty_.push_back(size_t(c));
            }
        }
        for (size_t c : dirty_) {
            colourCell(grid, c);
            dirtyMark_[c] = 0;
        }
    }
    keep.reserve(keptIdx_.size() + glyphs.size() - n);
    for (uint32_t j : keptIdx_) keep.push_back(glyphs[j]);
    for (size_t j = n; j < glyphs.size(); ++j) keep.push_back(glyphs[j]);
    return true;
}

}  // namespace bk
