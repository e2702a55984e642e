/**
 * The first thing a keyboard reaches: jumps past the header and navigation to the screen's content. It moves
 * focus itself rather than navigating, because the app window refuses navigation.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
