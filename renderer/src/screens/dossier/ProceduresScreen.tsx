/**
 * "Tra cứu thủ tục": the catalogue, and a procedure's information page over it. The catalogue stays
 * mounted (hidden) while the page is open, so "Quay lại danh sách" returns to the same search.
 */
import { useState } from 'react';
import type { Procedure } from '../../../../preload/api';
import { Catalogue } from './Catalogue';
import { ProcedureInfo } from './ProcedureInfo';
import '../../styles/dossier.css';

export function ProceduresScreen({
  mode,
  canFile,
  onFile,
  onHome,
}: {
  /** `browse` ("Tra cứu thủ tục") or `file` ("Nộp hồ sơ": choosing a card starts filing). */
  mode: 'browse' | 'file';
  canFile: boolean;
  onFile: (procedureId: string) => void;
  onHome: () => void;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <div hidden={selected !== null} className="procedures-screen">
        <Catalogue
          mode={mode}
          onChoose={(p) => (mode === 'file' ? onFile(p.id) : setSelected(p.id))}
          onHome={onHome}
        />
      </div>
      {selected !== null ? (
        <ProcedureInfo
          id={selected}
          canFile={canFile}
          onFile={(p: Procedure) => onFile(p.id)}
          onBack={() => setSelected(null)}
          onHome={onHome}
        />
      ) : null}
    </>
  );
}
