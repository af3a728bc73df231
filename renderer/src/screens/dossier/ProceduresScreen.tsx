/**
 * "Tra cứu thủ tục": the catalogue, and a procedure's information page over it. The catalogue stays
 * mounted (hidden) while the page is open, so "Quay lại danh sách" returns to the same search.
 */
import { useState } from 'react';
import type { Procedure } from '../../../../preload/api';
import { Catalogue } from './Catalogue';
import { ProcedureInfo } from './ProcedureInfo';
import { ResumeByCode } from './ResumeByCode';
import '../../styles/dossier.css';

export function ProceduresScreen({
  mode,
  canFile,
  onFile,
  onHome,
  onResume,
}: {
  /** `browse` ("Tra cứu thủ tục") or `file` ("Nộp hồ sơ": choosing a card starts filing). */
  mode: 'browse' | 'file';
  canFile: boolean;
  onFile: (procedureId: string) => void;
  onHome: () => void;
  /** A draft saved for later, taken back by code: the wizard opens it (its token is stored already). */
  onResume?: (draft: { id: string; procedureId: string }) => void;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const [resuming, setResuming] = useState(false);
  if (resuming && onResume) return <ResumeByCode onResumed={onResume} onBack={() => setResuming(false)} />;
  return (
    <>
      <div hidden={selected !== null} className="procedures-screen">
        <Catalogue
          mode={mode}
          onChoose={(p) => (mode === 'file' ? onFile(p.id) : setSelected(p.id))}
          onHome={onHome}
          {...(mode === 'file' && onResume ? { onResumeSaved: () => setResuming(true) } : {})}
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
