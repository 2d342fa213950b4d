// geo_test.cpp — projection round trips (≤ 1 cm) and camera behaviour (zoom about a point, limits).
#include "geo.hpp"

#include <gtest/gtest.h>

using namespace bk;

TEST(Geo, ProjectionRoundTripWithinOneCentimetre) {
    Projection proj({37.5810, 126.9855});
    for (double lat = 37.5740; lat <= 37.5880; lat += 0.0007) {
        for (double lon = 126.9750; lon <= 126.9960; lon += 0.0009) {
            LatLon back = proj.toLatLon(proj.toLocal({lat, lon}));
            double dyM = (back.lat - lat) * 111320.0;
            double dxM = (back.lon - lon) * 111320.0 * std::cos(lat * kPi / 180);
            EXPECT_LT(std::hypot(dxM, dyM), 0.01) << lat << "," << lon;
        }
    }
}

TEST(Geo, LocalUnitsAreMercatorMetresNearTheOrigin) {
    Projection proj({37.58, 126.98});
    Vec2 east = proj.toLocal({37.58, 126.99});
    // 0.01° of longitude is ≈ 881 m on the ground at 37.58°N, ≈ 1113 mercator metres.
    EXPECT_NEAR(east.x, 1113.2, 0.5);
    EXPECT_NEAR(east.x * proj.groundMetresPerUnit(), 882.2, 1.0);
    Vec2 north = proj.toLocal({37.59, 126.98});
    EXPECT_GT(north.y, 1400);  // mercator stretches north-south too
}

TEST(Geo, ZoomKeepsThePointUnderTheCursor) {
    Camera cam;
    cam.setViewport(1280, 720);
    Bounds b;
    b.add({-1000, -800});
    b.add({1000, 800});
    cam.setLimits(b, 50);
    cam.fit(b, {});
    Vec2 before = cam.screenToWorld({300, 200});
    cam.zoomAt(300, 200, 2.0);
    Vec2 after = cam.screenToWorld({300, 200});
    EXPECT_NEAR(before.x, after.x, 1e-6);
    EXPECT_NEAR(before.y, after.y, 1e-6);
    Vec2 s = cam.worldToScreen(cam.screenToWorld({123, 456}));
    EXPECT_NEAR(s.x, 123, 1e-9);
    EXPECT_NEAR(s.y, 456, 1e-9);
}

TEST(Geo, FitCentresTheAreaInTheFreeRectangle) {
    Camera cam;
    cam.setViewport(1000, 800);
    Bounds b;
    b.add({0, 0});
    b.add({400, 400});
    cam.fit(b, {100, 200, 100, 0});  // 800 × 600 free below a 200 px top panel
    EXPECT_DOUBLE_EQ(cam.pixelsPerUnit(), 1.5);
    Vec2 c = cam.worldToScreen({200, 200});
    EXPECT_NEAR(c.x, 500, 1e-9);
    EXPECT_NEAR(c.y, 500, 1e-9);  // middle of 200…800
}

TEST(Geo, CameraStaysOnTheMap) {
    Camera cam;
    cam.setViewport(800, 600);
    Bounds b;
    b.add({0, 0});
    b.add({1000, 1000});
    cam.setLimits(b, 20);
    cam.fit(b, {});
    cam.panByPixels(1e7, -1e7);
    EXPECT_GE(cam.center().x, 0);
    EXPECT_LE(cam.center().x, 1000);
    cam.zoomAt(400, 300, 1e-6);  // cannot zoom out to a speck
    EXPECT_GE(cam.pixelsPerUnit(), 0.3 - 1e-9);
    cam.zoomAt(400, 300, 1e9);   // nor in beyond the limit
    EXPECT_LE(cam.pixelsPerUnit(), 20 + 1e-9);
}

// Seoul, 2026-05-16: sunrise ≈ 05:22, sunset ≈ 19:34 KST (KASI almanac); noon sun ≈ 72° high.
#include "daylight.hpp"
#include "time_util.hpp"

TEST(Daylight, FollowsSeoulsSunriseAndSunset) {
    LatLon seoul{37.58, 126.985};
    auto at = [](const char* iso) { return *parseIsoTimeMs(iso); };
    EXPECT_NEAR(solarElevationDeg(seoul, at("2026-05-16T05:22:00+09:00")), -0.8, 1.0);  // refraction + disc
    EXPECT_NEAR(solarElevationDeg(seoul, at("2026-05-16T19:34:00+09:00")), -0.8, 1.0);
    EXPECT_NEAR(solarElevationDeg(seoul, at("2026-05-16T12:30:00+09:00")), 71.5, 2.0);
    EXPECT_FLOAT_EQ(nightFactor(seoul, at("2026-05-16T12:00:00+09:00")), 0.0f);
    EXPECT_FLOAT_EQ(nightFactor(seoul, at("2026-05-16T01:00:00+09:00")), 1.0f);
    float dusk = nightFactor(seoul, at("2026-05-16T19:40:00+09:00"));
    EXPECT_GT(dusk, 0.2f);
    EXPECT_LT(dusk, 0.8f);
}
