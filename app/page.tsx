export default function Home() {
  return (
    <main>
      <h1>Tasks</h1>
      <p>Your to-do list, private to you.</p>
    </main>
  );
}
