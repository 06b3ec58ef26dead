import { useCallback, useEffect, useRef, useState } from 'react';

/** The controls fade after this long without a key or a move of the mouse, leaving the room the text. */
const controlsLinger = 4000;

/**
 * A projector's controls: shown on any key or mouse move, faded after a while so the wall shows
 * only what is discussed. `showControls` is called by the screen's own key handler.
 */
export function useFadingControls() {
  const [controlsShown, setControlsShown] = useState(true);
  const hideTimer = useRef<number>(undefined);
  const showControls = useCallback(() => {
    setControlsShown(true);
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => setControlsShown(false), controlsLinger);
  }, []);
  useEffect(() => {
    showControls();
    return () => window.clearTimeout(hideTimer.current);
  }, [showControls]);
  const toggleFullscreen = useCallback(() => {
    // Refused without a user gesture or by the platform: the projector still works in a window.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);
  return { controlsShown, showControls, toggleFullscreen };
}
