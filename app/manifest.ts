import type { MetadataRoute } from "next";

// What a phone needs to install the app to its home screen (served as /manifest.webmanifest,
// linked from every page). It opens on the task list, in a window of its own. The colours are the
// light theme's page background and accent (app/globals.css). The icons: public/icons/.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Tasks",
    short_name: "Tasks",
    description: "Your to-do list, private to you.",
    start_url: "/tasks",
    scope: "/",
    display: "standalone",
    background_color: "#f6f7f9",
    theme_color: "#1f5fd1",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
