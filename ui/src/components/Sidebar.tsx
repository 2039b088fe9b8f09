import { useState } from "react";
import { useApp } from "../app/context";
import type { ProjectSummary } from "../bindings";

function ProjectRow({ p, active }: { p: ProjectSummary; active: boolean }) {
  const openProject = useApp((s) => s.openProject);
  const renameProject = useApp((s) => s.renameProject);
  const deleteProject = useApp((s) => s.deleteProject);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(p.name);
  const [confirming, setConfirming] = useState(false);

  if (editing) {
    return (
      <li className="project editing">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await renameProject(p.id, name)) setEditing(false);
          }}
        >
          <input aria-label={`New name for ${p.name}`} value={name} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === "Escape" && setEditing(false)} />
          <button type="submit">Save</button>
        </form>
      </li>
    );
  }
  return (
    <li className={`project${active ? " active" : ""}`} data-project={p.name}>
      <button className="project-open" aria-current={active ? "true" : undefined} onClick={() => openProject(p.name)}>
        <span className="project-name">{p.name}</span>
        <span className="muted small">
          {p.image_count} {p.image_count === 1 ? "image" : "images"} · {p.token_count} {p.token_count === 1 ? "token" : "tokens"}
        </span>
      </button>
      <span className="project-actions">
        <button className="icon" title={`Rename ${p.name}`} aria-label={`Rename ${p.name}`} onClick={() => setEditing(true)}>
          ✎
        </button>
        <button className="icon" title={`Delete ${p.name}`} aria-label={`Delete ${p.name}`} onClick={() => setConfirming(true)}>
          ✕
        </button>
      </span>
      {confirming && (
        <div role="alertdialog" aria-label={`Delete ${p.name}?`} className="confirm">
          <p>
            Delete <strong>{p.name}</strong> and its {p.image_count} images and {p.token_count} tokens? This cannot be undone.
          </p>
          <button className="danger" onClick={() => deleteProject(p.id)}>
            Delete
          </button>
          <button autoFocus onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      )}
    </li>
  );
}

export function Sidebar() {
  const projects = useApp((s) => s.projects);
  const current = useApp((s) => s.current);
  const error = useApp((s) => s.sidebarError);
  const createProject = useApp((s) => s.createProject);
  const openDialog = useApp((s) => s.openDialog);
  const [name, setName] = useState("");

  return (
    <nav className="sidebar" aria-label="Projects">
      <h2>Projects</h2>
      <form
        className="new-project"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await createProject(name))) setName("");
        }}
      >
        <input id="new-project" aria-label="New project name" placeholder="New project…" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Create
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="projects">
        {projects.map((p) => (
          <ProjectRow key={`${p.id}-${p.name}`} p={p} active={current?.project.id === p.id} />
        ))}
      </ul>
      {projects.length === 0 && <p className="muted small">No projects yet. Name one above, then drop screenshots on the window.</p>}
      <div className="sidebar-foot">
        <button onClick={() => openDialog("quick")}>Quick scale</button>
        <button id="open-settings" onClick={() => openDialog("settings")}>
          Settings
        </button>
      </div>
    </nav>
  );
}
