// web_main.cpp — the browser platform: GLFW window on Module.canvas, HiDPI sizing, the Emscripten main loop,
// and input (mouse, wheel, touch pinch, keys) translated into intents.
#include "platform.hpp"

#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>  // ClosePopupsOverWindow: Escape closes a panel's menu


#include <algorithm>
#include <optional>
#include <cmath>
#include <cstdio>

namespace bk {

Platform& platform() {
    static Platform p;
    return p;
}


namespace {

void fail(const char* message);

bool imguiWantsMouse() { return ImGui::GetCurrentContext() && ImGui::GetIO().WantCaptureMouse; }

void onMouseButton(GLFWwindow*, int button, int action, int) {
    Platform& p = platform();
    if (button != GLFW_MOUSE_BUTTON_LEFT) return;
    if (action == GLFW_PRESS && !imguiWantsMouse() && !p.touchDown) {
        p.dragging = true;
        p.dragMoved = false;
        p.downX = p.lastX;
        p.downY = p.lastY;
    } else if (action == GLFW_RELEASE && p.dragging) {
        p.dragging = false;
        if (!p.dragMoved) p.viewer.push(Intent::at(Intent::pickAt, p.lastX, p.lastY));
    }
}

void onCursorPos(GLFWwindow*, double x, double y) {
    Platform& p = platform();
    // GLFW reports canvas backing-store pixels (Emscripten scales CSS px by canvas.width / rect.width): device px.
    if (p.dragging && !p.touchDown) {
        if (std::hypot(x - p.downX, y - p.downY) > 4 * std::max(1.0f, p.uiScale)) p.dragMoved = true;
        if (p.dragMoved) p.viewer.push(Intent::at(Intent::panBy, x - p.lastX, y - p.lastY));
    }
    p.lastX = x;
    p.lastY = y;
    if (!p.dragging) p.viewer.push(imguiWantsMouse() ? Intent::at(Intent::hoverAt, -1, -1) : Intent::at(Intent::hoverAt, x, y));
}

void onCursorEnter(GLFWwindow*, int entered) {
    if (!entered) platform().viewer.push(Intent::at(Intent::hoverAt, -1, -1));
}

// Wheel through html5 (not GLFW): it keeps deltaMode, so lines and pages scale like pixels on every browser.
EM_BOOL onWheel(int, const EmscriptenWheelEvent* e, void*) {
    Platform& p = platform();
    double dy = e->deltaY * (e->deltaMode == DOM_DELTA_LINE ? 33.0 : e->deltaMode == DOM_DELTA_PAGE ? 800.0 : 1.0);
    if (imguiWantsMouse()) {
        ImGui::GetIO().MouseWheel += float(-dy / 100.0);  // ImGui: +1 per notch up
        return EM_TRUE;
    }
    double x = e->mouse.targetX * p.dpr, y = e->mouse.targetY * p.dpr;  // CSS px → device px
    double factor = std::pow(2.0, std::clamp(-dy, -600.0, 600.0) / 300.0);
    p.viewer.push(Intent::at(Intent::zoomAt, x, y, factor));
    return EM_TRUE;
}

// The WebGL context was lost: nothing is drawn until it is restored (then every GL object is built again).
EM_BOOL onContextLost(int, const void*, void*) {
    platform().contextLost = true;
    return EM_TRUE;  // preventDefault: ask the browser to restore it
}

EM_BOOL onContextRestored(int, const void*, void*) {
    Platform& p = platform();
    if (!p.graphicsStarted) {  // lost before the first frame: the first frame builds everything
        forgetPreparedPrograms();  // (those started at main() belonged to the lost context)
        p.parallelShaderCompile = false;
        p.contextLost = false;
        return EM_TRUE;
    }
    std::string error;
    if (!p.renderer.rebuild(&error))
        fail(("could not rebuild the WebGL programs: " + error).c_str());
    p.viewer.noteContextLoss();
    p.fonts.invalidate();
    p.contextLost = false;
    return EM_TRUE;
}

// Touch: one finger pans and taps (select), two fingers pinch-zoom and pan. Handled here rather than by GLFW,
// whose Emscripten port turns touches into mouse buttons without positions (see main(): its listeners are removed).
EM_BOOL onTouch(int type, const EmscriptenTouchEvent* e, void*) {
    Platform& p = platform();
    int active[2], n = 0;
    for (int i = 0; i < e->numTouches && n < 2; ++i) {
        bool lifted = (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) && e->touches[i].isChanged;
        if (!lifted) active[n++] = i;
    }
    const double slop = 8.0 * std::max(1.0f, p.uiScale);
    if (n == 0) {  // last finger lifted: a touch that never moved is a tap
        if (p.touchDown && !p.touchMoved && type == EMSCRIPTEN_EVENT_TOUCHEND) {
            p.viewer.push(Intent::at(Intent::pickAt, p.touchX, p.touchY));
            p.viewer.push(Intent::at(Intent::hoverAt, p.touchX, p.touchY));  // shows its tooltip
        }
        p.touchDown = p.pinching = false;
        return EM_TRUE;
    }
    const EmscriptenTouchPoint& a = e->touches[active[0]];
    double ax = a.targetX * p.dpr, ay = a.targetY * p.dpr;
    if (n == 1) {
        if (p.pinching || !p.touchDown) {  // a new gesture (or the second finger lifted): restart from here
            p.touchDown = true;
            p.touchMoved = p.pinching;      // after a pinch, lifting the last finger is not a tap
            p.pinching = false;
            p.touchStartX = ax;
            p.touchStartY = ay;
        } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
            if (std::hypot(ax - p.touchStartX, ay - p.touchStartY) > slop) p.touchMoved = true;
            if (p.touchMoved) p.viewer.push(Intent::at(Intent::panBy, ax - p.touchX, ay - p.touchY));
        }
        p.touchX = ax;
        p.touchY = ay;
        return EM_TRUE;
    }
    const EmscriptenTouchPoint& b = e->touches[active[1]];
    double bx = b.targetX * p.dpr, by = b.targetY * p.dpr;
    double mx = (ax + bx) / 2, my = (ay + by) / 2, dist = std::max(1.0, std::hypot(ax - bx, ay - by));
    if (p.pinching && type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        p.viewer.push(Intent::at(Intent::panBy, mx - p.pinch.midX, my - p.pinch.midY));
        p.viewer.push(Intent::at(Intent::zoomAt, mx, my, dist / p.pinch.dist));
    }
    p.pinching = p.touchDown = p.touchMoved = true;
    p.pinch = {dist, mx, my};
    return EM_TRUE;
}

// A pane's view of the state (a compare view): its camera, values, figures and light; its free area for the credit.
ViewState paneViewState(const ViewState& s, int k) {
    if (s.compareBy == CompareBy::off) return s;
    ViewState v = s;
    const int from = s.layout.paneSwitch ? s.shownPane : k;
    v.values = s.panes[from].values;
    v.kpis = s.panes[from].kpis;
    v.night = s.panes[from].night;
    v.camera = &s.paneCamera[s.layout.paneSwitch ? 0 : k];
    if (!s.layout.paneSwitch) {
        // Each pane has the first pane's free area, scale bar and credit at the same place in it (layout.hpp).
        const float dx = s.layout.pane[k].x - s.layout.pane[0].x, dy = s.layout.pane[k].y - s.layout.pane[0].y;
        v.layout.map = s.layout.paneMap[k];
        for (Rect* r : {&v.layout.scaleBar, &v.layout.attribution}) {
            r->x += dx;
            r->y += dy;
        }
    }
    return v;
}

int hoveredPane(const ViewState& s) {
    if (s.compareBy == CompareBy::off || s.layout.panes < 2) return 0;
    const Rect& b = s.layout.pane[1];
    return s.hoverX >= b.x && s.hoverY >= b.y && s.hoverX < b.right() && s.hoverY < b.bottom() ? 1 : 0;
}

// The map labels of one pane. The labels are placed in the first pane's frame (their collision boxes start at the
// viewport's corner), then moved to the pane's place, vertices and clip rectangles alike.
MapLabelStats drawPaneLabels(const ViewState& s, const UiFonts& fonts, float dx, float dy) {
    if (s.compareBy == CompareBy::off || s.layout.paneSwitch) return drawMapLabels(s, fonts);
    ViewState at = s;
    Camera home = *s.camera;
    home.setOrigin(home.originX() - dx, home.originY() - dy);
    at.camera = &home;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const int firstVtx = dl->VtxBuffer.Size, firstCmd = std::max(0, dl->CmdBuffer.Size - 1);
    // A clip rectangle no other command has (a quarter pixel wider than the pane): ImGui merges commands with equal
    // clips, and the first pane's labels, clipped to the same rectangle, must not move with these.
    const ImVec2 lo(float(home.originX()), float(home.originY()));
    const ImVec2 hi(lo.x + float(home.viewportWidth()) + (dx != 0 || dy != 0 ? 0.25f : 0.0f), lo.y + float(home.viewportHeight()));
    dl->PushClipRect(lo, hi, false);
    MapLabelStats got = drawMapLabels(at, fonts);
    dl->PopClipRect();
    for (int i = firstVtx; i < dl->VtxBuffer.Size && (dx != 0 || dy != 0); ++i) {
        dl->VtxBuffer[i].pos.x += dx;
        dl->VtxBuffer[i].pos.y += dy;
    }
    if (dx != 0 || dy != 0)
        for (int c = firstCmd; c < dl->CmdBuffer.Size; ++c) {
            ImVec4& r = dl->CmdBuffer[c].ClipRect;
            if (r.x == lo.x && r.y == lo.y && r.z == hi.x && r.w == hi.y) r = ImVec4(r.x + dx, r.y + dy, r.z + dx, r.w + dy);
        }
    return got;
}

// Builds the programs once there is something to draw (the font atlas, which comes before the data; the first
// commit; or after 3 s whatever happened). main() started compiling them; where the driver compiles in parallel,
// frames draw nothing (the thread stays free for the page) until every program is done, a second at most, so the
// one status query each makes does not wait. Started before the data arrives, their set-up, the atlas's upload
// and the heat target's round trip to the GPU process are done while it downloads, not in the first frame.
bool startGraphics(Platform& p) {
    if (p.graphicsStarted) return true;
    const double now = emscripten_get_now();
    if (!p.drawRequested && !p.fonts.ready() && now - p.startedAtMs < 3000) return false;
    if (p.graphicsWantedAtMs == 0) p.graphicsWantedAtMs = now;
    if (p.parallelShaderCompile && !Renderer::programsReady() && now - p.graphicsWantedAtMs < 1000) return false;
    p.graphicsStarted = true;
    std::string error;
    if (!p.renderer.init(&error)) {
        fail(("could not build the WebGL programs: " + error).c_str());
        emscripten_cancel_main_loop();
        return false;
    }
    return true;
}

// A fixed step's size: the device size it asks for, laid out as a screen of that size at 1 device px per CSS px (a
// 1920×1080 projector's uiScale), showing the page's view (the camera scales by the ratio of the widths).
void fixedStepSize(Platform& p, double& cssW, double& cssH, float& dpr, float& viewDpr, int& w, int& h) {
    viewDpr = dpr * float(p.step.width) / float(std::max(1, w));
    dpr = 1;
    w = p.step.width;
    h = p.step.height;
    cssW = w;
    cssH = h;
    p.captureScale = 0;
}

// Before the first commit the frames have nothing to draw, but the font atlas can be built then (CPU only, tens of
// ms in wasm) from the fonts and the language, which arrive before the data (web/bukchon-replay.js fetches them
// first): the first frame with data then only uploads it. The same scale as frame() computes, so it is not rebuilt.
void prepareFonts(Platform& p) {
    if (p.step.active) return;
    double cssW = 0, cssH = 0;
    emscripten_get_element_css_size("!canvas", &cssW, &cssH);
    const float uiScale = clampDevicePixelRatio(emscripten_get_device_pixel_ratio()) * bigScreenBoost(cssW, cssH);
    if (uiScale != p.uiScale) {
        p.uiScale = uiScale;
        applyTheme(uiScale);
    }
    updateTextInUse(p);
    p.fonts.rebuildIfNeeded(uiScale);
}

void frame() {
    Platform& p = platform();
    if (p.contextLost) return;  // nothing can be drawn until the browser gives the context back
    if (!p.graphicsStarted) prepareFonts(p);
    if (!startGraphics(p)) return;
    // The page's own frame instrumentation (getState().frame): interval since the last frame, CPU work in this one.
    const double frameStart = emscripten_get_now();
    struct Record {
        Platform& p;
        double start;
        ~Record() {
            if (p.lastFrameStart > 0) p.viewer.frameStats().add(start - p.lastFrameStart, emscripten_get_now() - start);
            p.lastFrameStart = start;
        }
    } record{p, frameStart};
    std::optional<PhaseTimer> phase(std::in_place, p.viewer.frameStats(), FramePhase::start);
    double cssW = 0, cssH = 0;
    emscripten_get_element_css_size("!canvas", &cssW, &cssH);
    float dpr = clampDevicePixelRatio(emscripten_get_device_pixel_ratio());
    int w = std::max(1, int(std::lround(cssW * dpr))), h = std::max(1, int(std::lround(cssH * dpr)));
    float viewDpr = dpr;  // the camera's px per CSS px (a fixed step frames the page's view at its own size)
    if (p.step.active) fixedStepSize(p, cssW, cssH, dpr, viewDpr, w, h);
    // A capture (viewer.screenshot) renders one frame at a multiple of the canvas size.
    p.capturing = p.captureScale > 0;
    const float capture = p.capturing ? p.captureScale : 1.0f;
    p.captureScale = 0;
    w = int(float(w) * capture);
    h = int(float(h) * capture);
    // The backing store is sized here, not through glfwSetWindowSize: Emscripten's GLFW turns a window the size
    // of the screen into a fullscreen request (and a pointer-lock attempt) on every call.
    int curW = 0, curH = 0;
    emscripten_get_canvas_element_size("!canvas", &curW, &curH);
    if (w != curW || h != curH) emscripten_set_canvas_element_size("!canvas", w, h);
    // Big screens (a 1920×1080 projector) get proportionally larger type and glyphs (layout.hpp).
    float uiScale = dpr * bigScreenBoost(cssW, cssH) * capture;
    if (uiScale != p.uiScale) {
        p.uiScale = uiScale;
        applyTheme(uiScale);
    }
    p.dpr = dpr;
    updateTextInUse(p);
    if (p.fonts.rebuildIfNeeded(uiScale) || !p.renderer.hasFonts()) p.renderer.uploadFonts();
    // Without data there is nothing to draw (a first commit that failed: the page shows why); no frame spends a
    // software renderer's ~10 ms of the main thread on a clear.
    if (!p.viewer.hasData()) {
        p.renderer.warmUp(w, h);
        return;
    }

    double now = emscripten_get_now();
    // A hidden tab or a long stall must not jump the replay: cap one step at a quarter second.
    double elapsed = p.lastFrameMs > 0 ? std::min(now - p.lastFrameMs, 250.0) : 0;
    p.lastFrameMs = now;
    if (p.step.active) elapsed = p.step.elapsedMs, now = p.step.clockMs;
    phase.reset();
    p.viewer.update(elapsed, w, h, viewDpr * capture, uiScale);

    phase.emplace(p.viewer.frameStats(), FramePhase::uiBegin);
    beginUiFrame();
    ImGui_ImplGlfw_NewFrame();
    // GLFW does not know about the size we gave the canvas: tell ImGui directly (device px, scale 1).
    ImGui::GetIO().DisplaySize = ImVec2(float(w), float(h));
    ImGui::GetIO().DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    if (p.closePopups) {  // Escape pressed with a panel's menu open (js_bridge.cpp, bk_key)
        p.closePopups = false;
        ImGui::ClosePopupsOverWindow(nullptr, false);
    }
    ViewState state = p.viewer.viewState();
    std::vector<Intent> intents;
    const UiFonts& fonts = p.fonts.fonts();
    phase.reset();
    if (p.fonts.ready()) {  // panels wait for the Hangul-capable font: never tofu boxes
        std::optional<PhaseTimer> uiPhase(std::in_place, p.viewer.frameStats(), FramePhase::labels);
        double labelStart = emscripten_get_now();
        MapLabelStats placed{};
        Rect credit{};
        const bool comparing = state.compareBy != CompareBy::off;
        const int panes = comparing ? state.layout.panes : 1;
        for (int k = 0; k < panes; ++k) {
            // Each pane's map labels and the map's credit: wherever the map is seen, its attribution is too.
            ViewState pane = paneViewState(state, k);
            MapLabelStats got = drawPaneLabels(pane, fonts, state.layout.pane[k].x - state.layout.pane[0].x,
                                               state.layout.pane[k].y - state.layout.pane[0].y);
            if (k == 0) {
                placed = got;
                credit = attributionBounds(pane, fonts);
            }
            drawAttribution(pane, fonts);  // the data's credit: in every UI mode, and so in every export
        }
        p.viewer.setLabelStats(placed.places, placed.streets, emscripten_get_now() - labelStart,
                               {credit.x, credit.y, credit.w, credit.h});
        const UiMode mode = p.viewer.uiMode();
        uiPhase.emplace(p.viewer.frameStats(), FramePhase::panels);
        if (mode != UiMode::none) drawScaleBar(state, fonts);
        if (mode == UiMode::full) {
            drawTimelinePanel(state, fonts, intents);
            drawHeaderPanel(state, fonts, intents);
            drawKpiPanel(state, fonts, intents);
            drawEventsPanel(state, fonts, intents);
            drawLegendPanel(state, fonts, intents);
            drawSensorPanel(state, fonts, intents);
            if (!comparing) drawCollectionPanel(state, fonts, intents);  // the title cards carry each pane's figures
        } else {
            if (mode == UiMode::minimal) drawTimelinePanel(state, fonts, intents);
            if (!comparing) drawDataBadge(state, fonts);  // a simulation says so, whatever the chrome
        }
        drawCompareTitles(state, fonts, intents);   // (each says "simulated" too)
        p.viewer.setTooltipRect(drawSensorTooltip(paneViewState(state, hoveredPane(state)), fonts));
    }
    // Map, then the background draw list (map labels, scale bar), then glyphs (a draw callback at the end of that
    // list), then the panels.
    phase.emplace(p.viewer.frameStats(), FramePhase::submit);
    const Frame& drawn = p.viewer.frame(now / 1000.0);
    p.renderer.addGlyphPass(ImGui::GetBackgroundDrawList(), drawn);
    ImGui::Render();
    phase.emplace(p.viewer.frameStats(), FramePhase::render);
    p.renderer.draw(drawn, *ImGui::GetDrawData(), w, h);
    phase.reset();
    if (p.capturing) EM_ASM({ if (Module.onCapture) Module.onCapture(); });
    for (Intent& i : intents) p.viewer.push(std::move(i));
}

void fail(const char* message) {
    std::fprintf(stderr, "bukchon: %s\n", message);
    EM_ASM({ if (Module.onFatal) Module.onFatal(UTF8ToString($0)); }, message);
}

}  // namespace
}  // namespace bk

namespace bk {
// The characters the panels and labels may draw come from the data and the language; when either changes, the
// fonts learn the new set and may ask for fallback packs, which the page fetches (Module.onFontFile).
void updateTextInUse(Platform& p) {
    if (p.viewer.textVersion() != p.textDataVersion || uiStringsVersion() != p.textStringsVersion) {
        p.textDataVersion = p.viewer.textVersion();
        p.textStringsVersion = uiStringsVersion();
        CodepointSet all, display;
        p.viewer.collectText(all, display);
        const std::string language = uiStrings().allText();
        all.addUtf8(language);
        display.addUtf8(language);
        p.fonts.setTextInUse(all, display);
    }
    for (const std::string& file : p.fonts.takeRequests())
        EM_ASM({ if (Module.onFontFile) Module.onFontFile(UTF8ToString($0)); }, file.c_str());
}

void pauseForFixedSteps() {
    Platform& p = platform();
    emscripten_pause_main_loop();
    p.step.clockMs = emscripten_get_now();
}

void renderFixedStep(double elapsedMs, int width, int height) {
    Platform& p = platform();
    p.step = {true, std::max(0.0, elapsedMs), p.step.clockMs + std::max(0.0, elapsedMs), width, height};
    frame();
    p.step.active = false;
}

void resumeAfterFixedSteps() {
    Platform& p = platform();
    p.lastFrameMs = 0;  // the time the export took is not replay time
    emscripten_resume_main_loop();
}

void shutdownPlatform() {
    Platform& p = platform();
    if (!p.window) return;
    emscripten_cancel_main_loop();
    emscripten_set_wheel_callback("!canvas", nullptr, EM_TRUE, nullptr);
    emscripten_set_touchstart_callback("!canvas", nullptr, EM_TRUE, nullptr);
    emscripten_set_touchmove_callback("!canvas", nullptr, EM_TRUE, nullptr);
    emscripten_set_touchend_callback("!canvas", nullptr, EM_TRUE, nullptr);
    emscripten_set_touchcancel_callback("!canvas", nullptr, EM_TRUE, nullptr);
    p.renderer.destroy();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(p.window);
    glfwTerminate();
    p.window = nullptr;
}
}  // namespace bk

int main() {
    using namespace bk;
    Platform& p = platform();
    if (!glfwInit()) { fail("could not initialise the window system"); return 1; }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // No multisampling on the canvas (the map is antialiased in its own image, see MapCache; glyphs and text in
    // their shaders) and no depth or stencil: nothing uses them, and on a fill-limited renderer each costs.
    // web/bukchon-replay.js creates the context early with the same attributes; GLFW adopts it.
    glfwWindowHint(GLFW_SAMPLES, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    // The page sized the canvas's drawing buffer already (web/bukchon-replay.js): keep it, a resize reallocates.
    const int canvasW = EM_ASM_INT({ return Module["canvas"].width; }), canvasH = EM_ASM_INT({ return Module["canvas"].height; });
    p.window = glfwCreateWindow(std::max(1, canvasW), std::max(1, canvasH), "Bukchon IoT Replay", nullptr, nullptr);
    if (!p.window) { fail("this browser cannot create a WebGL2 context"); return 1; }
    glfwMakeContextCurrent(p.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    connectShaper(p);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no localStorage/IDBFS writes from a kiosk
    glfwSetMouseButtonCallback(p.window, onMouseButton);  // chained by the ImGui backend's own callbacks
    glfwSetCursorEnterCallback(p.window, onCursorEnter);
    ImGui_ImplGlfw_InitForOpenGL(p.window, true);
    glfwSetScrollCallback(p.window, nullptr);  // wheel goes through html5 (see onWheel)
    glfwSetCursorPosCallback(p.window, onCursorPos);

    // GLFW's touch listeners report buttons without positions; our html5 touch handlers replace them.
    // Keys are taken by the page (web/viewer-input.js) for the focused viewer only and sent through the core's key
    // table (core/embed/commands.cpp); GLFW's window-wide key listeners would also swallow Tab, which keyboard
    // users need to move between controls.
    EM_ASM({
        // "!canvas" names this module's own canvas in html5 calls (several viewers on a page, no element ids).
        specialHTMLTargets["!canvas"] = Module["canvas"];
        window.removeEventListener("keydown", GLFW.onKeydown, true);
        window.removeEventListener("keypress", GLFW.onKeyPress, true);
        window.removeEventListener("keyup", GLFW.onKeyup, true);
        var c = Module["canvas"];
        c.removeEventListener("touchstart", GLFW.onMouseButtonDown, true);
        c.removeEventListener("touchend", GLFW.onMouseButtonUp, true);
        c.removeEventListener("touchcancel", GLFW.onMouseButtonUp, true);
        c.removeEventListener("touchmove", GLFW.onMousemove, true);
    });
    emscripten_set_wheel_callback("!canvas", nullptr, EM_TRUE, onWheel);
    emscripten_set_webglcontextlost_callback("!canvas", nullptr, EM_TRUE, onContextLost);
    emscripten_set_webglcontextrestored_callback("!canvas", nullptr, EM_TRUE, onContextRestored);
    emscripten_set_touchstart_callback("!canvas", nullptr, EM_TRUE, onTouch);
    emscripten_set_touchmove_callback("!canvas", nullptr, EM_TRUE, onTouch);
    emscripten_set_touchend_callback("!canvas", nullptr, EM_TRUE, onTouch);
    emscripten_set_touchcancel_callback("!canvas", nullptr, EM_TRUE, onTouch);
    // The WebGL programs are started here and finished at the first frame that has something to draw
    // (startGraphics): the first call that waits for the GPU process (a compile status, a uniform location) waits
    // for its start-up too, a third of a second on a software renderer, and by then the page has parsed the data on
    // this thread while the GPU process compiled the programs.
    p.parallelShaderCompile = Renderer::prepare();
    p.startedAtMs = emscripten_get_now();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
