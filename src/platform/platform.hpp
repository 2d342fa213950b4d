// platform.hpp — the single viewer instance of this wasm module, shared by the main loop and the JS bridge.
//
// One module instance drives one canvas (Module.canvas); a page with several viewers instantiates the module
// several times (MODULARIZE), so module-level state is per viewer.
#pragma once

#include "renderer.hpp"
#include "ui.hpp"
#include "viewer.hpp"

struct GLFWwindow;

namespace bk {

struct Platform {
    Viewer viewer;        // no GL: data, clock, camera, intents, state (src/viewer/)
    Renderer renderer;    // all GL: draws the viewer's Frame and the panels' draw lists
    FontBook fonts;
    GLFWwindow* window = nullptr;
    float dpr = 0;        // device px per CSS px
    bool closePopups = false;  // Escape with a panel's menu open: the next frame closes it (the key is the menu's)
    float uiScale = 0;    // device px per design px (see Viewer::update)
    double lastFrameMs = 0;
    // Pointer state for drag-to-pan and click-to-select.
    bool dragging = false, dragMoved = false;
    double downX = 0, downY = 0, lastX = 0, lastY = 0;
    int textDataVersion = -1, textStringsVersion = -1;  // what the fonts' text in use was collected from
    bool contextLost = false;  // WebGL context lost: skip frames until it is restored
    bool drawRequested = false;    // the page committed its first data: build the programs at the next frame
    bool graphicsStarted = false;  // the programs are built (startGraphics in web_main.cpp)
    bool parallelShaderCompile = false;  // KHR_parallel_shader_compile: the prepared programs can be polled
    double graphicsWantedAtMs = 0;       // the first frame that wanted the programs (it waits for them ≤ 1 s)
    double startedAtMs = 0;
    double lastFrameStart = 0; // emscripten_get_now() at the previous frame (frame statistics)
    float captureScale = 0;    // > 0: the next frame is a capture at this scale
    bool capturing = false;
    // A fixed step (a video export, bk_video_frame): this frame is `width`×`height` device px and advances the replay
    // and the camera by exactly `elapsedMs`, whatever time really passed; `clockMs` is the animations' clock.
    struct FixedStep { bool active = false; double elapsedMs = 0, clockMs = 0; int width = 0, height = 0; } step;
    // Touch: one finger pans or taps, two pinch.
    bool touchDown = false, touchMoved = false;
    double touchStartX = 0, touchStartY = 0, touchX = 0, touchY = 0;
    bool pinching = false;
    struct Pinch { double dist = 0, midX = 0, midY = 0; } pinch;  // the last two-finger frame: spread and middle
};

Platform& platform();

// Gives the fonts their way to the shaper module (shaper_port.cpp), once at start.
void connectShaper(Platform& p);

// Hands the fonts the characters the data and the language use when either changed, and passes the fonts'
// requests to the page (each frame, and before a state read so that it sees them).
void updateTextInUse(Platform& p);

// Video export (web_main.cpp): pauses the main loop; renders one frame of `width`×`height` device px that advances
// by exactly `elapsedMs` (panels laid out as a screen of that size gets them); resumes the loop at the page's size.
void pauseForFixedSteps();
void renderFixedStep(double elapsedMs, int width, int height);
void resumeAfterFixedSteps();

// Stops the main loop and releases the window, GL context and input listeners (viewer.destroy()).
void shutdownPlatform();

}  // namespace bk
