import { useEffect, useState } from "react";
import { useApp } from "./context";

/** An image's thumbnail as a data URL once Rust has sent it; `failed` when it has none. */
export function useThumbnail(image: number): { src: string | null; failed: boolean } {
  const thumbnail = useApp((s) => s.thumbnail);
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });
  useEffect(() => {
    let live = true;
    thumbnail(image).then(
      (src) => live && setState({ src, failed: false }),
      () => live && setState({ src: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [image]);
  return state;
}
